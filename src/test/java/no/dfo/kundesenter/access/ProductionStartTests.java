package no.dfo.kundesenter.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start without a profile, as an operator makes it with nothing but a database, a mail
 * server and a key: no demo users, no demo data, no password login, and the session
 * cookie a real server writes for use behind a TLS-terminating proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=", "test.database=fresh", "spring.mail.host=localhost",
				"portal.attachments.encryption.current-key=k1",
				"portal.attachments.encryption.keys.k1=dGVzdC1rZXktb2YtcHJvZHVjdGlvbi1zdGFydC0wMSE=" })
class ProductionStartTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	FilterChainProxy security;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void noProfileIsNotTheDemo() {
		assertThat(this.environment.getActiveProfiles()).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from support_case", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history where script like 'R__demo%'",
				Integer.class))
			.isZero();
	}

	@Test
	void theLoginPageOffersNoPasswordAndADemoPasswordGetsNobodyIn() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).doesNotContain("type=\"password\"", "name=\"username\"");

		// Whatever a form would send, nothing signs in with a password.
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElse("");
		Matcher token = CSRF.matcher(get("/saker").body());
		HttpResponse<String> attempt = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers
					.ofString("username=kari&password=demo" + (token.find() ? "&_csrf=" + token.group(1) : "")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(attempt.statusCode()).isNotEqualTo(302);
		HttpResponse<String> cases = get("/saker");
		assertThat(cases.statusCode()).isEqualTo(302);
		assertThat(cases.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(get("/demo/epost").statusCode()).isNotEqualTo(200);
		assertThat(this.security.getFilterChains()).allSatisfy((chain) -> assertThat(chain.getFilters())
			.noneMatch(UsernamePasswordAuthenticationFilter.class::isInstance));
	}

	@Test
	void behindTheProxyRedirectsStayOnHttpsAndBrowsersAreToldToUseHttpsForAYear() throws Exception {
		HttpResponse<String> redirect = this.client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/saker"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).hasValue("https://localhost/login");
		assertThat(redirect.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
		HttpResponse<String> plain = get("/login");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theSessionCookieIsHostOnlySecureHttpOnlyAndSameSite() throws Exception {
		// A page that needs a session: the request for a protected page is kept for after
		// sign-in.
		HttpResponse<String> response = get("/saker");
		assertThat(response.headers().allValues("Set-Cookie")).filteredOn((h) -> h.startsWith("__Host-SESSION="))
			.singleElement()
			.satisfies((h) -> assertThat(h).contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
				.doesNotContain("Domain="));
	}

}
