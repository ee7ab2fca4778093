package no.dfo.kundesenter.access.internal;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a newcomer tries it: the demo's own OpenID provider is started and offered
 * on the login page beside the demo users' passwords, and its demo identities sign in as
 * the demo users, as a person the portal does not know, or on too low a level.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.demo.openid-provider.enabled=true")
class DemoSignInTests {

	private static final Pattern FORM = Pattern
		.compile("name=\"username\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"claims\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private HttpResponse<String> signInAs(OpenIdBrowser browser, String subject) throws Exception {
		String authorize = browser.authorizationRequest("ansattporten");
		String page = browser.get(authorize).body();
		Matcher forms = FORM.matcher(page);
		while (forms.find()) {
			if (forms.group(1).equals(subject)) {
				HttpResponse<String> login = browser.post(authorize,
						java.util.Map.of("username", forms.group(1), "claims", HtmlUtils.htmlUnescape(forms.group(2))));
				return browser.get(OpenIdBrowser.location(login));
			}
		}
		throw new AssertionError("No demo identity " + subject + " on " + page);
	}

	@Test
	void theLoginPageOffersTheDemoProviderBesideThePasswords() throws Exception {
		String page = new OpenIdBrowser(this.port).get("/login").body();
		assertThat(page).contains("Logg inn med Ansattporten", "name=\"password\"");
	}

	@Test
	void aDemoIdentitySignsInAsTheDemoUser() throws Exception {
		OpenIdBrowser browser = new OpenIdBrowser(this.port);
		signInAs(browser, "demo-lise");
		HttpResponse<String> cases = browser.get("/saker");
		assertThat(cases.statusCode()).isEqualTo(200);
		assertThat(cases.body()).contains("Lise Lønn");
	}

	@Test
	void theUnknownDemoPersonIsSentToOrderAccess() throws Exception {
		OpenIdBrowser browser = new OpenIdBrowser(this.port);
		signInAs(browser, "demo-ukjent");
		assertThat(OpenIdBrowser.location(browser.get("/saker"))).endsWith("/tilgang");
		assertThat(browser.get("/tilgang").body()).contains("Una Ukjent");
	}

	@Test
	void theDemoIdentityOnTooLowALevelIsRefused() throws Exception {
		HttpResponse<String> back = signInAs(new OpenIdBrowser(this.port), "demo-lav");
		assertThat(OpenIdBrowser.location(back)).endsWith("/login?avvist=niva");
	}

}
