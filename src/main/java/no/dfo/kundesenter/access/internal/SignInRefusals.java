package no.dfo.kundesenter.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused return from single sign-on: back to the login page with what went wrong in
 * plain words ({@code /login?avvist=…}), never an error page or a stack trace. The
 * refusal is a security event with its error code; nothing from the token is logged. A
 * return refused because too many sign-ins failed from the address says how long to wait.
 */
class SignInRefusals implements AuthenticationFailureHandler {

	private final SecurityLog securityLog;

	SignInRefusals(SecurityLog securityLog) {
		this.securityLog = securityLog;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof SignInLimitedException limited) {
			this.securityLog.signInFailed("sso_limited", null, "");
			response.sendRedirect(
					request.getContextPath() + "/login?avvist=mange&minutter=" + limited.limit().retryAfterMinutes());
			return;
		}
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "other";
		this.securityLog.signInFailed("sso_" + code, null, "");
		response.sendRedirect(request.getContextPath() + "/login?avvist=" + kind(code));
	}

	/** What the login page says: the words are in {@code login.refused.<kind>}. */
	static String kind(String code) {
		return switch (code) {
			case OidcSignIn.INSUFFICIENT_ACR -> "niva";
			case OidcSignIn.UNKNOWN_PERSON -> "person";
			case OidcSignIn.WRONG_ORGANIZATION -> "virksomhet";
			case "access_denied" -> "avbrutt";
			case "invalid_id_token", "invalid_nonce", "invalid_token_response", "invalid_grant" -> "ugyldig";
			case "authorization_request_not_found", "invalid_state_parameter" -> "utlopt";
			default -> "feil";
		};
	}

}
