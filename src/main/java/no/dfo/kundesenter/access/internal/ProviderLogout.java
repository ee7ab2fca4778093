package no.dfo.kundesenter.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the portal's session has ended: a person who signed in through single sign-on is
 * sent on to the provider's {@code end_session_endpoint} to end the sign-in there too
 * (RP-initiated logout, with {@code id_token_hint} and {@code post_logout_redirect_uri}),
 * and comes back to {@code /login?logout}. Anyone else goes there at once.
 */
class ProviderLogout implements LogoutSuccessHandler {

	static final String SIGNED_OUT_PATH = "/login?logout";

	private final ClientRegistrationRepository registrations;

	private final IdTokenHints hints;

	ProviderLogout(ClientRegistrationRepository registrations, IdTokenHints hints) {
		this.registrations = registrations;
		this.hints = hints;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String endSession = (authentication != null && authentication.getPrincipal() instanceof PortalOidcUser user)
				? endSession(request, user) : null;
		response.sendRedirect((endSession != null) ? endSession : request.getContextPath() + SIGNED_OUT_PATH);
	}

	private @Nullable String endSession(HttpServletRequest request, PortalOidcUser user) {
		ClientRegistration registration = this.registrations.findByRegistrationId(user.registrationId());
		Object endpoint = (registration != null)
				? registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint") : null;
		String idToken = this.hints.open(user.sealedIdToken());
		if (endpoint == null || idToken == null) {
			return null;
		}
		String back = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/login")
			.query("logout")
			.build()
			.toUriString();
		return UriComponentsBuilder.fromUriString(endpoint.toString())
			.queryParam("id_token_hint", idToken)
			.queryParam("post_logout_redirect_uri", back)
			.encode()
			.build()
			.toUriString();
	}

}
