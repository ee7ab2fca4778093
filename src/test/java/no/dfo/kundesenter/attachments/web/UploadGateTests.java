package no.dfo.kundesenter.attachments.web;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import no.dfo.kundesenter.RealBrowser;
import no.dfo.kundesenter.RealBrowser.RawResponse;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real servlet container: a multipart body is read only for a signed-in person
 * who sent the form's CSRF token, on an endpoint that takes files; what is refused is
 * refused without reading it and leaves nothing behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UploadGateTests {

	private static final String BOUNDARY = "----kundesenter-test";

	private static final long MB = 1024 * 1024;

	/** More than the socket buffers on both sides can hold, far less than the bodies. */
	private static final long UNREAD = 24 * MB;

	private static final Pattern ACTION_TOKEN = Pattern.compile("action=\"/saker\\?_csrf=([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServletContext servletContext;

	private static byte[] multipart(String fileName, byte[] content, String... fields) throws IOException {
		var body = new ByteArrayOutputStream();
		for (int i = 0; i < fields.length; i += 2) {
			body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
					+ fields[i + 1] + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private HttpResponse<String> post(RealBrowser browser, String path, byte[] body) throws Exception {
		return browser.send(HttpRequest.newBuilder(browser.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** The token as the new-case form carries it: in its action's query string. */
	private static String formToken(RealBrowser browser) throws Exception {
		Matcher token = ACTION_TOKEN.matcher(browser.get("/saker/ny").body());
		assertThat(token.find()).as("the form's action carries its CSRF token").isTrue();
		return token.group(1);
	}

	private long blobs() {
		return this.jdbc.queryForObject("select count(*) from attachment_blob", Long.class);
	}

	private long sessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	private List<Path> temporaryFiles() throws IOException {
		File directory = (File) this.servletContext.getAttribute(ServletContext.TEMPDIR);
		try (Stream<Path> files = Files.walk(directory.toPath())) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static String head(String path, long length, String... headers) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + length + "\r\n"
				+ String.join("", Arrays.stream(headers).map((h) -> h + "\r\n").toList()) + "\r\n";
	}

	@Test
	void aSignedInPersonUploadsWithTheTokenTheFormCarriesInItsAction() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		HttpResponse<String> response = post(kari, "/saker/ny/vedlegg?_csrf=" + formToken(kari),
				multipart("kvittering.pdf", TestFiles.PDF));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("kvittering.pdf", "data-draft");
	}

	@Test
	void aTokenOnlyInTheMultipartBodyIsNotLookedForAndNothingIsRead() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		String token = kari.csrfToken("/saker/ny");
		long before = blobs();
		HttpResponse<String> response = post(kari, "/saker/ny/vedlegg",
				multipart("kvittering.pdf", TestFiles.PDF, "_csrf", token));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void anAnonymousUploadIsRefusedWithoutReadingItsBodyOrStartingASession() throws Exception {
		long sessions = sessions();
		RawResponse response = new RealBrowser(this.port).raw(head("/saker/ny/vedlegg", 190 * MB), new byte[0],
				190 * MB);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text()).contains("Ingen tilgang").doesNotContain("Tomcat");
		assertThat(response.bytesSent()).isLessThan(UNREAD);
		assertThat(sessions()).isEqualTo(sessions);
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void fiftyAnonymousUploadsAtOnceAreAllRefusedUnreadAndThePortalKeepsAnswering() throws Exception {
		long sessions = sessions();
		List<Future<RawResponse>> uploads = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(50)) {
			for (int i = 0; i < 50; i++) {
				String path = (i % 2 == 0) ? "/saker" : "/saker/" + (100000 + i) + "/meldinger";
				uploads.add(clients
					.submit(() -> new RealBrowser(this.port).raw(head(path, 190 * MB), new byte[0], 190 * MB)));
			}
			HttpResponse<String> login = new RealBrowser(this.port).get("/login");
			assertThat(login.statusCode()).isEqualTo(200);
			for (Future<RawResponse> upload : uploads) {
				RawResponse response = upload.get();
				assertThat(response.status()).isEqualTo(403);
				assertThat(response.bytesSent()).isLessThan(UNREAD);
			}
		}
		assertThat(temporaryFiles()).isEmpty();
		// The one session is the login page's, for the CSRF token of its form.
		assertThat(sessions()).isEqualTo(sessions + 1);
	}

	@Test
	void aDeclaredLengthOverWhatARequestMayHoldIsRefusedUnread() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		String token = formToken(kari);
		RawResponse response = kari.raw(head("/saker/ny/vedlegg?_csrf=" + token, 900 * MB, "Cookie: " + kari.session()),
				new byte[0], 900 * MB);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.text()).contains("For store filer", "Hver fil kan være høyst 25 MB");
		assertThat(response.bytesSent()).isLessThan(UNREAD);
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void aFileFarOverTheLimitGetsAClearPageAndNothingIsStored() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		long before = blobs();
		byte[] huge = new byte[51 * 1024 * 1024];
		Arrays.fill(huge, (byte) 'x');
		HttpResponse<String> response = post(kari, "/saker/ny/vedlegg?_csrf=" + formToken(kari),
				multipart("skanning.pdf", huge));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("For store filer", "Hver fil kan være høyst 25 MB",
				"Ingenting av det du sendte, er lagret.");
		assertThat(blobs()).isEqualTo(before);
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void anUploadCutOffHalfwayIsABadRequestAndStoresNothing() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		long before = blobs();
		byte[] whole = multipart("kvittering.pdf", new byte[200_000]);
		HttpResponse<String> response = post(kari, "/saker/ny/vedlegg?_csrf=" + formToken(kari),
				Arrays.copyOf(whole, whole.length / 2));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Forespørselen kunne ikke behandles.", "Ingenting av den er lagret.")
			.doesNotContain("Exception");
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void aBodyThatEndsBeforeItsDeclaredLengthGetsNoServerError() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		byte[] whole = multipart("kvittering.pdf", new byte[200_000]);
		RawResponse response = kari.raw(
				head("/saker/ny/vedlegg?_csrf=" + formToken(kari), whole.length, "Cookie: " + kari.session()),
				Arrays.copyOf(whole, whole.length / 2), whole.length / 2);
		assertThat(response.status()).isNotEqualTo(500);
	}

	@Test
	void aFileNameWithANulByteIsRefusedWithAClearPage() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		long before = blobs();
		HttpResponse<String> response = post(kari, "/saker/ny/vedlegg?_csrf=" + formToken(kari),
				multipart("syke\u0000melding.pdf", TestFiles.PDF));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Navnet på en av filene inneholder tegn vi ikke kan ta imot.");
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void aFormThatTakesNoFilesRefusesAMultipartBodyUnread() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		String token = kari.csrfToken("/tilgang");
		HttpResponse<String> response = post(kari, "/tilgang?_csrf=" + token,
				multipart("kvittering.pdf", TestFiles.PDF, "reason", "Trenger tilgang"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).contains("Dette skjemaet kan ikke sende filer.");
	}

}
