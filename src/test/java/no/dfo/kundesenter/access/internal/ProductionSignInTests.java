package no.dfo.kundesenter.access.internal;

import java.net.http.HttpResponse;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation as an operator starts it: no profile, an empty database,
 * Ansattporten (here mock-oauth2-server over HTTP) and the first administrator named by
 * configuration. The administrator signs in and approves a newcomer, who then gets in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=", "test.database=fresh", "spring.mail.host=localhost",
				"portal.attachments.encryption.current-key=k1",
				"portal.attachments.encryption.keys.k1=dGVzdC1rZXktb2YtcHJvZHVjdGlvbi1zdGFydC0wMSE=",
				"portal.access.identity-key=a-test-identity-key-of-forty-characters!",
				"portal.access.first-administrator=" + ProductionSignInTests.ADMIN,
				// The test's HTTP client is not behind a TLS proxy: a cookie it can send
				// back.
				"server.servlet.session.cookie.secure=false", "server.servlet.session.cookie.name=SESSION" })
@ExtendWith(OutputCaptureExtension.class)
class ProductionSignInTests {

	static final String ADMIN = "29897099911";

	static final String NEWCOMER = "29897099922";

	static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(true));

	static {
		PROVIDER.start();
	}

	@DynamicPropertySource
	static void ansattporten(DynamicPropertyRegistry registry) {
		TestProviders.register(registry, PROVIDER, "ansattporten", "ansattporten", "kundesenter");
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private static String claims(String pid, String name) {
		return "{\"pid\": \"" + pid + "\", \"name\": \"" + name + "\", \"acr\": \"substantial\"}";
	}

	@Test
	void theFirstAdministratorApprovesANewcomerWhoThenGetsIn(CapturedOutput output) throws Exception {
		OpenIdBrowser admin = new OpenIdBrowser(this.port);
		String loginPage = admin.get("/login").body();
		assertThat(loginPage).contains("Logg inn med Ansattporten").doesNotContain("name=\"password\"");
		admin.signIn("ansattporten", "sub-admin", claims(ADMIN, "Ada Administrator"));
		assertThat(admin.get("/admin/tilganger").statusCode()).isEqualTo(200);

		OpenIdBrowser newcomer = new OpenIdBrowser(this.port);
		newcomer.signIn("ansattporten", "sub-newcomer", claims(NEWCOMER, "Nils Nykommer"));
		assertThat(OpenIdBrowser.location(newcomer.get("/saksbehandling"))).endsWith("/tilgang");
		assertThat(newcomer.get("/tilgang").body()).contains("Nils Nykommer");
		HttpResponse<String> sent = newcomer.submit("/tilgang", "/tilgang",
				Map.of("orgNumber", "974000008", "role", "PAYROLL_CASEWORKER", "reason", "Ny i lønn"));
		assertThat(sent.statusCode()).isEqualTo(302);

		long request = this.jdbc.queryForObject("select max(id) from access_request", Long.class);
		HttpResponse<String> approved = admin.submit("/admin/tilganger", "/admin/tilganger/" + request,
				Map.of("decision", "godkjenn", "comment", ""));
		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(newcomer.get("/saksbehandling").statusCode()).isEqualTo(200);

		assertThat(this.jdbc.queryForList("select full_name from app_user order by id", String.class))
			.containsExactly("Ada Administrator", "Nils Nykommer");
		for (String pid : new String[] { ADMIN, NEWCOMER }) {
			assertThat(output.getAll()).doesNotContain(pid);
			assertThat(this.jdbc.queryForObject("""
					select count(*) from app_user u where position(? in u::text) > 0""", Integer.class, pid)).isZero();
		}
	}

}
