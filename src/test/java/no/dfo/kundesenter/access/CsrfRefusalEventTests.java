package no.dfo.kundesenter.access;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.RealBrowser;
import no.dfo.kundesenter.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real servlet container: a form refused for its CSRF token is answered as
 * before (kept for its page in a session, else the portal's 403 page), and the refusal is
 * logged without the session cookie or the client address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CsrfRefusalEventTests {

	@RegisterExtension
	SecurityLogCapture log = new SecurityLogCapture();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private HttpResponse<String> postMessage(RealBrowser browser, long caseId, String token) throws Exception {
		return browser.send(HttpRequest.newBuilder(browser.uri("/saker/" + caseId + "/meldinger"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers
				.ofString(RealBrowser.form(Map.of("body", "Sykmelding for Ola", "_csrf", token)))));
	}

	@Test
	void aFormWithAWrongOrNoStoredTokenIsAnsweredAsBeforeAndLoggedWithoutCookieOrAddress() throws Exception {
		RealBrowser browser = new RealBrowser(this.port).signIn("kari");
		String cookie = browser.session();
		long caseId = this.jdbc.queryForObject("select min(id) from support_case", Long.class);
		browser.csrfToken("/saker/ny");

		HttpResponse<String> refused = postMessage(browser, caseId, "ikke-riktig");
		HttpResponse<String> anonymous = postMessage(new RealBrowser(this.port), caseId, "ikke-riktig");

		assertThat(refused.statusCode()).as("kept for its page").isEqualTo(303);
		assertThat(anonymous.statusCode()).isEqualTo(403);
		assertThat(anonymous.body()).contains("Ingen tilgang").contains("Du har ikke tilgang til denne siden.");
		var refusals = this.log.events("csrf.refused");
		assertThat(refusals).hasSize(2);
		SecurityLogCapture.assertPairs(refusals.get(0), Map.of("event.reason", "token_mismatch", "user.id",
				new TestPeople(this.jdbc).id("kari"), "url.path", "/saker/" + caseId + "/meldinger"));
		assertThat(SecurityLogCapture.pairs(refusals.get(0)).get("session.hash")).isNotNull();
		SecurityLogCapture.assertPairs(refusals.get(1), Map.of("event.reason", "no_stored_token"));
		assertThat(SecurityLogCapture.pairs(refusals.get(1))).doesNotContainKey("user.id");
		String value = cookie.substring(cookie.indexOf('=') + 1);
		String text = this.log.text();
		for (String secret : List.of(value, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8),
				"127.0.0.1", "0:0:0:0:0:0:0:1", "Sykmelding for Ola", "kari")) {
			assertThat(text).doesNotContain(secret);
		}
	}

}
