package no.dfo.kundesenter.attachments.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.RealBrowser;
import no.dfo.kundesenter.RealBrowser.RawResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that stops arriving is given up: the connection is not held open for ever and
 * nothing of the upload is stored. The timeout is shortened here from the portal's 20 s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.tomcat.connection-timeout=2s")
class SlowUploadTests {

	private static final Pattern ACTION_TOKEN = Pattern.compile("action=\"/saker\\?_csrf=([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUploadWhoseBodyStopsArrivingIsGivenUpAndStoresNothing() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		Matcher token = ACTION_TOKEN.matcher(kari.get("/saker/ny").body());
		assertThat(token.find()).isTrue();
		long blobs = this.jdbc.queryForObject("select count(*) from attachment_blob", Long.class);
		String start = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"treg.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
		RawResponse response = kari.stalled(
				"POST /saker/ny/vedlegg?_csrf=" + token.group(1) + " HTTP/1.1\r\n"
						+ "Host: localhost\r\nAccept: text/html\r\nCookie: " + kari.session() + "\r\n"
						+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n",
				start.getBytes(StandardCharsets.UTF_8));
		// Given up after the timeout, far sooner than the 60 s the client would wait.
		assertThat(response.millisToAnswer()).isLessThan(30_000);
		assertThat(response.status()).isIn(-1, 400, 408);
		assertThat(this.jdbc.queryForObject("select count(*) from attachment_blob", Long.class)).isEqualTo(blobs);
	}

}
