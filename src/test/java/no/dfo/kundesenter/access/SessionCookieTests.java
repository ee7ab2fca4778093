package no.dfo.kundesenter.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import no.dfo.kundesenter.RealBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session cookies as a real server reads them: one that was never ours starts nothing,
 * one that cannot be ours is not even looked up, and a session ends after its absolute
 * lifetime however busy it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.header("Cookie", cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The sessions started since the time, in milliseconds: only this test's. */
	private long sessionsSince(long start) {
		return this.jdbc.queryForObject("select count(*) from spring_session where creation_time >= ?", Long.class,
				start);
	}

	@Test
	void aMadeUpSessionCookieStartsNoSessionAndIsRemoved() throws Exception {
		long start = System.currentTimeMillis();
		String madeUp = Base64.getEncoder()
			.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
		HttpResponse<String> response = get("/saker", "SESSION=" + madeUp);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?utlopt"));
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("SESSION=;").contains("Max-Age=0"));
		assertThat(sessionsSince(start)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/saker", "/css/portal.css", "/", "/saker/100000", "/tilgang" })
	void aSessionCookieThatCannotBeOursIsNoServerErrorOnAnyPage(String path) throws Exception {
		for (String garbage : new String[] { "AAAA", "%00", "////", "x".repeat(300), "QUFBQQ==", "\"\"" }) {
			HttpResponse<String> response = get(path, "SESSION=" + garbage);
			assertThat(response.statusCode()).as(path + " with SESSION=" + garbage).isIn(200, 302);
			assertThat(response.body()).doesNotContain("Tomcat", "Exception");
		}
	}

	@Test
	void aSessionEndsAfterTwelveHoursHoweverActive() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
		String id = new String(Base64.getDecoder().decode(kari.session().substring("SESSION=".length())),
				StandardCharsets.US_ASCII);
		this.jdbc.update("update spring_session set creation_time = creation_time - ? where session_id = ?",
				13L * 3600 * 1000, id);

		HttpResponse<String> response = kari.get("/saker");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?utlopt"));
		assertThat(
				this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, id))
			.isZero();
	}

	@Test
	void aSessionElevenHoursOldStillWorks() throws Exception {
		RealBrowser kari = new RealBrowser(this.port).signIn("kari");
		String id = new String(Base64.getDecoder().decode(kari.session().substring("SESSION=".length())),
				StandardCharsets.US_ASCII);
		this.jdbc.update("update spring_session set creation_time = creation_time - ? where session_id = ?",
				11L * 3600 * 1000, id);
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
	}

}
