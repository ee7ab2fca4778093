package no.dfo.kundesenter.access.internal;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers a client at a test OpenID provider the way an operator does: with Spring
 * Boot's {@code spring.security.oauth2.client.*} properties, the provider found by its
 * issuer's discovery document.
 */
public final class TestProviders {

	private TestProviders() {
	}

	/**
	 * @param registrationId the portal's name for the provider ({@code ansattporten}, …)
	 * @param issuerId the issuer at the mock server whose tokens it trusts
	 * @param clientId the client id, which tokens must be issued for
	 */
	public static void register(DynamicPropertyRegistry registry, MockOAuth2Server provider, String registrationId,
			String issuerId, String clientId) {
		String prefix = "spring.security.oauth2.client.registration." + registrationId + ".";
		registry.add(prefix + "client-id", () -> clientId);
		registry.add(prefix + "client-secret", () -> "test-secret");
		registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
		registry.add(prefix + "scope", () -> "openid,profile");
		registry.add("spring.security.oauth2.client.provider." + registrationId + ".issuer-uri",
				() -> provider.issuerUrl(issuerId).toString());
	}

}
