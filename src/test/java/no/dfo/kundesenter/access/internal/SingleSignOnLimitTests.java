package no.dfo.kundesenter.access.internal;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Returns from single sign-on count against the same sign-in limits as any other attempt:
 * an address whose sign-ins keep failing waits, however good its next token is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "portal.rate-limits.sign-in.failures-per-address=3")
class SingleSignOnLimitTests {

	static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(true));

	static {
		PROVIDER.start();
	}

	@DynamicPropertySource
	static void ansattporten(DynamicPropertyRegistry registry) {
		TestProviders.register(registry, PROVIDER, "ansattporten", "ansattporten", "ansattporten");
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.shutdown();
	}

	@LocalServerPort
	int port;

	private static String kari(String acr) {
		return "{\"pid\": \"" + SingleSignOnTests.KARI + "\", \"name\": \"Kari Nordmann\", \"acr\": \"" + acr + "\"}";
	}

	@Test
	void tooManyRefusedReturnsFromOneAddressMakeItWaitWhileOthersSignIn() throws Exception {
		String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(OpenIdBrowser
				.location(new OpenIdBrowser(this.port, address).signIn("ansattporten", "s", kari("low"))))
				.endsWith("/login?avvist=niva");
		}
		OpenIdBrowser kari = new OpenIdBrowser(this.port, address);
		HttpResponse<String> refused = kari.signIn("ansattporten", "pairwise-kari", kari("substantial"));
		String location = OpenIdBrowser.location(refused);
		assertThat(location).matches(".*/login\\?avvist=mange&minutter=\\d+");
		assertThat(OpenIdBrowser.location(kari.get("/saker"))).endsWith("/login");
		String minutes = location.substring(location.lastIndexOf('=') + 1);
		assertThat(kari.get(location).body())
			.contains("For mange mislykkede innlogginger. Vent " + minutes + " minutter og prøv igjen.");

		OpenIdBrowser elsewhere = new OpenIdBrowser(this.port, "198.51.100.7");
		elsewhere.signIn("ansattporten", "pairwise-kari", kari("substantial"));
		assertThat(elsewhere.get("/saker").statusCode()).isEqualTo(200);
	}

	@Test
	void aMadeUpWaitOnTheLoginPageIsIgnored() throws Exception {
		OpenIdBrowser browser = new OpenIdBrowser(this.port);
		assertThat(browser.get("/login?avvist=mange&minutter=%3Cscript%3E").body()).contains("Vent 15 minutter")
			.doesNotContain("<script>");
		assertThat(browser.get("/login?avvist=mange&minutter=99999999999999").statusCode()).isEqualTo(200);
	}

}
