package no.dfo.kundesenter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo's OpenID provider: no.nav.security:mock-oauth2-server, in-process, with a
 * login page that offers the {@link DemoIdentities}. Demo equipment: only on the
 * classpath of {@code ./mvnw spring-boot:run} and the tests, never in the jar.
 */
final class DemoOpenIdProvider {

	/** The issuer id of the demo's Maskinporten. */
	static final String MASKINPORTEN = "maskinporten";

	/** The scope the API asks of tokens by default. */
	static final String API_SCOPE = "dfo:kundesenter.saker";

	private static volatile MockOAuth2Server running;

	private DemoOpenIdProvider() {
	}

	/** Starts the provider (once per JVM) and answers the issuer of the given id. */
	static synchronized String issuer(String issuerId, int port) {
		if (running == null) {
			MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, loginPage().toString(), null, false,
					new OAuth2TokenProvider(), Set.of(maskinporten())));
			server.start(port);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "demo-openid-provider-stop"));
			running = server;
		}
		return running.issuerUrl(issuerId).toString();
	}

	/**
	 * Maskinporten's tokens for the demo agencies' systems: the client credentials grant
	 * with {@code client_id} {@code testetaten} (enabled for the API in the demo) or
	 * {@code provedirektoratet} (not enabled) gives a token with the scope and the
	 * {@code consumer} organization Maskinporten would give.
	 */
	private static RequestMappingTokenCallback maskinporten() {
		return new RequestMappingTokenCallback(MASKINPORTEN,
				List.of(consumer("testetaten", "910000004"), consumer("provedirektoratet", "911000008")), 3600);
	}

	private static RequestMapping consumer(String clientId, String orgNumber) {
		return new RequestMapping("client_id", clientId, Map.of("sub", clientId, "client_id", clientId, "scope",
				API_SCOPE, "consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + orgNumber)), "JWT");
	}

	private static Path loginPage() {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="nb"><head><meta charset="utf-8"><title>Demo: innloggingstjeneste</title>
				<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
				form{margin:.5rem 0}button{font-size:1rem;padding:.5rem 1rem;cursor:pointer}</style></head>
				<body><h1>Demo: innloggingstjeneste</h1>
				<p>Dette er demoens egen innloggingstjeneste, i stedet for Ansattporten. Velg hvem du vil logge
				inn som. Fødselsnumrene er oppdiktet.</p>
				""");
		for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
			String claims = "{\"pid\": \"" + identity.pid() + "\", \"name\": \"" + identity.name() + "\", \"acr\": \""
					+ identity.acr() + "\"}";
			html.append("<form method=\"post\"><input type=\"hidden\" name=\"username\" value=\"")
				.append(HtmlUtils.htmlEscape(identity.subject()))
				.append("\"><input type=\"hidden\" name=\"claims\" value=\"")
				.append(HtmlUtils.htmlEscape(claims))
				.append("\"><button type=\"submit\">")
				.append(HtmlUtils.htmlEscape(identity.name() + ", " + identity.description()))
				.append("</button></form>\n");
		}
		html.append("</body></html>\n");
		try {
			Path page = Files.createTempFile("demo-openid-login", ".html");
			page.toFile().deleteOnExit();
			Files.writeString(page, html, StandardCharsets.UTF_8);
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
