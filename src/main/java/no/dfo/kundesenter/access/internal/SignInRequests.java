package no.dfo.kundesenter.access.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The authorization request a sign-in starts with: Spring Security's (state, and for
 * OpenID Connect a nonce), with PKCE (S256) for every client, the level of assurance the
 * provider is asked for ({@code acr_values}), what the person is asked to choose
 * ({@code authorization_details}) and the portal's language for this request
 * ({@code ui_locales}).
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver standard;

	private final AccessSettings settings;

	private final LocaleResolver locales;

	SignInRequests(ClientRegistrationRepository registrations, AccessSettings settings, LocaleResolver locales) {
		this.standard = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		this.standard.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		this.settings = settings;
		this.locales = locales;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return completed(this.standard.resolve(request), request);
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return completed(this.standard.resolve(request, clientRegistrationId), request);
	}

	private @Nullable OAuth2AuthorizationRequest completed(@Nullable OAuth2AuthorizationRequest authorization,
			HttpServletRequest request) {
		if (authorization == null) {
			return null;
		}
		Object registrationId = authorization.getAttributes().get(OAuth2ParameterNames.REGISTRATION_ID);
		String id = (registrationId != null) ? registrationId.toString() : "";
		Map<String, Object> parameters = new HashMap<>(authorization.getAdditionalParameters());
		String acr = this.settings.acrValues(id);
		if (acr != null) {
			parameters.put("acr_values", acr);
		}
		String details = this.settings.authorizationDetails(id);
		if (details != null) {
			parameters.put(ChosenOrganizations.CLAIM, details);
		}
		parameters.put("ui_locales", this.locales.resolveLocale(request).getLanguage());
		// Without an address of its own the request's address is built again, with them.
		return OAuth2AuthorizationRequest.from(authorization)
			.additionalParameters(parameters)
			.authorizationRequestUri("")
			.build();
	}

}
