package no.dfo.kundesenter.access.internal;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.config.DemoProfile;
import no.dfo.kundesenter.web.FormRescue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.session.web.http.CookieSerializer;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The actuator's own port (metrics, probes) is never published outside the cluster;
	 * where it is the portal's port, everything but health stays closed.
	 */
	private static RequestMatcher onManagementPort(Environment environment) {
		Integer port = environment.getProperty("management.server.port", Integer.class);
		Integer server = environment.getProperty("server.port", Integer.class, 8080);
		if (port == null || port <= 0 || port.equals(server)) {
			return (request) -> false;
		}
		return (request) -> request.getLocalPort() == port;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment, PortalUsers users,
			CookieSerializer sessionCookies, AccessSettings settings, SignInLimits signInLimits, FormRescue rescue,
			SecurityLog securityLog, ObjectProvider<ClientRegistrationRepository> registrations,
			SingleSignOn singleSignOn, OidcSessions signIns) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers(onManagementPort(environment))
					.permitAll()
					.requestMatchers("/actuator/**")
					.denyAll()
					.requestMatchers("/login", "/tilgjengelighet", "/css/**", "/js/**", "/favicon.svg", "/favicon.ico")
					.permitAll()
					.requestMatchers("/admin/**")
					.hasRole(Role.ADMINISTRATOR.name())
					.anyRequest()
					.authenticated());
		// Every sign-in attempt passes the limits before any credentials are checked: the
		// demo's form today, the return from single sign-on later.
		http.authenticationProvider(new SignInLimitCheck(signInLimits));
		if (DemoProfile.isActive(environment)) {
			http.formLogin((form) -> form.loginPage("/login").failureHandler(new SignInFailureHandler()).permitAll());
		}
		ClientRegistrationRepository providers = registrations.getIfAvailable();
		if (providers != null) {
			singleSignOn.configure(http, providers);
		}
		if (!DemoProfile.isActive(environment)) {
			// The login page offers the configured providers; without any, nobody signs
			// in.
			http.exceptionHandling((ex) -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		}
		// Come back to exactly the bookmarked URL after login, without Spring's
		// "?continue" marker.
		var requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		http.requestCache((cache) -> cache.requestCache(requestCache));
		// Roles are read again on every request, so a revoked role stops working at once.
		http.addFilterBefore(new CurrentRolesFilter(users), AuthorizationFilter.class);
		// A new session id on login (no fixation). A request whose session has ended is
		// told so on the login page, before the CSRF check, so a form sent after the end
		// explains itself and keeps its text.
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.addFilterBefore(
				new SessionTimeoutFilter(sessionCookies, settings.sessionLifetime(), rescue, securityLog, signIns),
				CsrfFilter.class);
		if (providers != null) {
			http.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(singleSignOn.logoutSuccess(providers)));
		}
		else {
			http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl(ProviderLogout.SIGNED_OUT_PATH));
		}
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
					+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
					+ "form-action 'self'; frame-ancestors 'none'"))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			// Sent on https only (behind the proxy: X-Forwarded-Proto), for a year.
			.httpStrictTransportSecurity(
					(hsts) -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds()).includeSubDomains(true))
			.contentTypeOptions(Customizer.withDefaults()));
		// CSRF refusals are security events (decision 62), whatever the answer.
		http.exceptionHandling(
				(ex) -> ex.accessDeniedHandler(new CsrfRefusals(securityLog, new StaleFormHandler(rescue))));
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CsrfTokensWithoutNewSessions())
			.csrfTokenRequestHandler(new FormCsrfTokens()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
