package no.dfo.kundesenter.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.RealBrowser;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form that cannot be sent keeps what was typed: after the session ended (the person
 * signs in again and is back on the form), and when its page was too old for its CSRF
 * token. Through a real server, as a browser sends it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeptFormsTests {

	private static final String BOUNDARY = "----kundesenter-kept";

	private static final Pattern MESSAGE_ACTION = Pattern.compile("action=\"(/saker/\\d+/meldinger\\?_csrf=[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private static byte[] multipart(Map<String, String> fields, String fileName, byte[] file) throws IOException {
		var body = new ByteArrayOutputStream();
		for (var field : fields.entrySet()) {
			body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (fileName != null) {
			body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static HttpResponse<String> postMultipart(RealBrowser browser, String path, byte[] body) throws Exception {
		return browser.send(HttpRequest.newBuilder(browser.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private long karisCase() {
		return this.jdbc.queryForObject("""
				select min(c.id) from support_case c join app_user u on u.id = c.reporter_id
				where u.username = 'kari' and c.status = 'ACTIVE'""", Long.class);
	}

	private void endSession(RealBrowser browser) {
		String id = new String(Base64.getDecoder().decode(browser.session().substring("SESSION=".length())),
				StandardCharsets.US_ASCII);
		this.jdbc.update("delete from spring_session where session_id = ?", id);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	@Test
	void aMessageSentAfterTheSessionEndedIsBackOnTheCaseAfterSigningInAgain() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		long id = karisCase();
		Matcher action = MESSAGE_ACTION.matcher(kari.get("/saker/" + id).body());
		assertThat(action.find()).isTrue();
		endSession(kari);

		String text = "Her er svaret på spørsmålet ditt om lønn for mars.\nHilsen Kari";
		HttpResponse<String> sent = postMultipart(kari, HtmlUtils.htmlUnescape(action.group(1)),
				multipart(Map.of("body", text), "lønnsslipp.pdf", TestFiles.PDF));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(location(sent)).endsWith("/login?utlopt&skjema");
		assertThat(kari.get("/login?utlopt&skjema").body()).contains("vi har tatt vare på det du skrev");

		kari.signIn("kari");
		HttpResponse<String> home = kari.get("/");
		assertThat(location(home)).endsWith("/saker/" + id);
		String page = HtmlUtils.htmlUnescape(kari.get("/saker/" + id).body());
		assertThat(page).contains(text + "</textarea>", "Du ble logget ut før skjemaet ble sendt",
				"Disse filene ble ikke lagret og må velges på nytt: lønnsslipp.pdf.");
		assertThat(this.jdbc.queryForObject("select count(*) from message where case_id = ? and body = ?",
				Integer.class, id, text))
			.isZero();
		// Shown once: the next visit is the ordinary page.
		assertThat(kari.get("/saker/" + id).body()).doesNotContain("Du ble logget ut før skjemaet ble sendt");
	}

	@Test
	void aNewCaseSentWithAnOldTokenComesBackWithEverythingTyped() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		long before = this.jdbc.queryForObject(
				"select count(*) from support_case where reporter_id = (select id from app_user where username = 'kari')",
				Long.class);
		HttpResponse<String> sent = postMultipart(kari, "/saker?_csrf=gammel-side",
				multipart(Map.of("category", "ACCOUNTING", "subject", "Faktura fra leverandør", "message",
						"Fakturaen for mars er ikke betalt."), null, null));
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(location(sent)).endsWith("/saker/ny");
		String page = HtmlUtils.htmlUnescape(kari.get("/saker/ny").body());
		assertThat(page).contains("value=\"Faktura fra leverandør\"", "Fakturaen for mars er ikke betalt.</textarea>",
				"Skjemaet ble ikke sendt, fordi siden var for gammel.");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from support_case where reporter_id = (select id from app_user where username = 'kari')",
				Long.class))
			.isEqualTo(before);
	}

	@Test
	void anAccessRequestSentWithAnOldTokenComesBackWithItsReason() throws Exception {
		RealBrowser nina = new RealBrowser(this.port).signIn("nina");
		HttpResponse<String> sent = nina.send(HttpRequest.newBuilder(nina.uri("/tilgang"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(RealBrowser.form(Map.of("orgNumber", "910000004", "role",
					"REPORTER", "reason", "Jeg jobber med lønn i Testetaten", "_csrf", "gammel-side")))));
		assertThat(sent.statusCode()).isEqualTo(303);
		String page = HtmlUtils.htmlUnescape(nina.get("/tilgang").body());
		assertThat(page).contains("Jeg jobber med lønn i Testetaten</textarea>", "siden var for gammel")
			.doesNotContain("gammel-side");
	}

	@Test
	void aTenMegabyteTextIsRefusedAtItsFieldAndShownAgainNotTakenForFiles() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		Matcher action = Pattern.compile("action=\"(/saker\\?_csrf=[^\"]+)\"").matcher(kari.get("/saker/ny").body());
		assertThat(action.find()).isTrue();
		String text = "Lang logg. ".repeat(1_000_000);
		HttpResponse<String> sent = postMultipart(kari, HtmlUtils.htmlUnescape(action.group(1)),
				multipart(Map.of("category", "ACCOUNTING", "subject", "Logg", "message", text), null, null));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("Meldingen kan ha høyst 20 000 tegn.").doesNotContain("For store filer");
		assertThat(HtmlUtils.htmlUnescape(sent.body())).contains(text + "</textarea>");
	}

	@Test
	void withoutASessionNothingOfTheFormIsReadOrKept() throws Exception {
		long start = System.currentTimeMillis();
		RealBrowser stranger = new RealBrowser(this.port);
		HttpResponse<String> sent = postMultipart(stranger, "/saker?_csrf=x",
				multipart(Map.of("subject", "Hei", "message", "Hallo"), null, null));
		assertThat(sent.statusCode()).isEqualTo(403);
		assertThat(stranger.session()).isNull();
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where creation_time >= ?", Long.class,
				start))
			.isZero();
	}

}
