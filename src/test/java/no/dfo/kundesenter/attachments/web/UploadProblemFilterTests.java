package no.dfo.kundesenter.attachments.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real servlet container: what a browser sees when an upload is too large or
 * its request is broken.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UploadProblemFilterTests {

	private static final String BOUNDARY = "----kundesenter-test";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private static byte[] multipart(String fileName, byte[] content) throws IOException {
		var body = new ByteArrayOutputStream();
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private HttpResponse<String> post(byte[] body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/saker/ny/vedlegg"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private long blobs() {
		return this.jdbc.queryForObject("select count(*) from attachment_blob", Long.class);
	}

	@Test
	void aFileFarOverTheLimitGetsAClearPageNotAForbiddenOrADroppedConnection() throws Exception {
		long before = blobs();
		byte[] huge = new byte[51 * 1024 * 1024];
		Arrays.fill(huge, (byte) 'x');
		HttpResponse<String> response = post(multipart("skanning.pdf", huge));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("For store filer", "Hver fil kan være høyst 25 MB",
				"Ingenting av det du sendte, er lagret.");
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void anUploadCutOffHalfwayIsABadRequestAndStoresNothing() throws Exception {
		long before = blobs();
		byte[] whole = multipart("kvittering.pdf", new byte[200_000]);
		HttpResponse<String> response = post(Arrays.copyOf(whole, whole.length / 2));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Forespørselen kunne ikke behandles.", "Ingenting av den er lagret.")
			.doesNotContain("Exception");
		assertThat(blobs()).isEqualTo(before);
	}

	@Test
	void aMultipartBodyWithoutAnyPartIsRefusedAsAnyRequestWithoutItsCsrfToken() throws Exception {
		HttpResponse<String> response = post("dette er ikke multipart".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(403);
	}

}
