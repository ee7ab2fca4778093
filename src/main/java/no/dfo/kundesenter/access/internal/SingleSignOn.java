package no.dfo.kundesenter.access.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in with the configured OpenID providers (Spring Boot's
 * {@code spring.security.oauth2.client.*}): the authorization request, the check of what
 * comes back, refusals in plain words, RP-initiated logout and back-channel logout.
 */
@Component
class SingleSignOn {

	private final AccessSettings settings;

	private final PersonIdentities identities;

	private final PortalUsers users;

	private final IdTokenHints hints;

	private final OidcSessions sessions;

	private final SecurityLog securityLog;

	private final LocaleResolver locales;

	SingleSignOn(AccessSettings settings, PersonIdentities identities, PortalUsers users, IdTokenHints hints,
			OidcSessions sessions, SecurityLog securityLog, LocaleResolver locales) {
		this.settings = settings;
		this.identities = identities;
		this.users = users;
		this.hints = hints;
		this.sessions = sessions;
		this.securityLog = securityLog;
		this.locales = locales;
	}

	void configure(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		if (!this.identities.configured()) {
			throw new IllegalStateException("Single sign-on is set up, but portal.access.identity-key is not: "
					+ "set PORTAL_ACCESS_IDENTITYKEY to a secret of at least " + PersonIdentities.MINIMUM_KEY_LENGTH
					+ " characters (README, configuration)");
		}
		http.oauth2Login((login) -> login.loginPage("/login")
			.authorizationEndpoint((authorization) -> authorization
				.authorizationRequestResolver(new SignInRequests(registrations, this.settings, this.locales)))
			.userInfoEndpoint((userInfo) -> userInfo
				.oidcUserService(new OidcSignIn(this.settings, this.identities, this.users, this.hints)))
			.authorizedClientRepository(new NoAuthorizedClients())
			.oidcSessionRegistry(this.sessions)
			.failureHandler(new SignInRefusals(this.securityLog)));
		http.oidcLogout((logout) -> logout.oidcSessionRegistry(this.sessions)
			.backChannel((backChannel) -> backChannel
				.logoutHandler(new BackChannelLogouts(this.sessions, this.securityLog))));
	}

	ProviderLogout logoutSuccess(ClientRegistrationRepository registrations) {
		return new ProviderLogout(registrations, this.hints);
	}

}
