package no.dfo.kundesenter.access.internal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.RateLimitSettings.CaseRegistrations;
import no.dfo.kundesenter.access.internal.RateLimitSettings.CasesNotFound;
import no.dfo.kundesenter.access.internal.RateLimitSettings.SignIn;
import no.dfo.kundesenter.access.internal.RateLimitSettings.Uploads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two nodes share the limits through the database: failures counted by one refuse the
 * right password on the other. This node is a running server and answers a real browser's
 * request; the other has buckets of its own over the same table.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInLimitAcrossNodesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "riktig passord";

	private static final int FAILURES_PER_NAME = 3;

	@LocalServerPort
	int port;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void failuresOnOneNodeRefuseTheRightPasswordOnAnotherWith429AndAPageThatKeepsTheUserName() throws Exception {
		var people = new TestPeople(this.jdbc);
		String username = people.person("to-noder", people.existing("910000004").id(), Role.REPORTER);
		this.jdbc.update("update app_user set password_hash = ? where username = ?", this.passwords.encode(PASSWORD),
				username);
		try (var otherNode = new RateLimitBuckets(this.database)) {
			var limits = new SignInLimits(otherNode, settings());
			for (int i = 0; i < FAILURES_PER_NAME; i++) {
				limits.countAttempt(attempt(username));
			}
			assertThatExceptionOfType(SignInLimitedException.class)
				.isThrownBy(() -> limits.countAttempt(attempt(username)));
		}

		try (HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
			HttpResponse<String> refused = signIn(browser, username, PASSWORD);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
					(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, Duration.ofMinutes(5).toSeconds()));
			assertThat(refused.body()).contains("For mange mislykkede innlogginger. Vent 5 minutter og prøv igjen.")
				.contains("value=\"" + username + "\"")
				.contains("name=\"_csrf\"");
			HttpResponse<Void> cases = browser.send(HttpRequest.newBuilder(uri("/saker")).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(cases.statusCode()).isEqualTo(302);
			assertThat(cases.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		}
	}

	private static RateLimitSettings settings() {
		return new RateLimitSettings(new SignIn(FAILURES_PER_NAME, 50, Duration.ofMinutes(15)),
				new CaseRegistrations(20, Duration.ofHours(1)),
				new Uploads(100, DataSize.ofMegabytes(500), Duration.ofHours(1)),
				new CasesNotFound(20, Duration.ofMinutes(10)), new RateLimitSettings.Api(600, Duration.ofMinutes(1)));
	}

	private static UsernamePasswordAuthenticationToken attempt(String username) {
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "feil");
		attempt.setDetails(new WebAuthenticationDetails("192.0.2.1", null));
		return attempt;
	}

	private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
		String form = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
