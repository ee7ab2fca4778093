package no.dfo.kundesenter.access.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.RateLimitExceededException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A sign-in refused for its limit is answered 429 with {@code Retry-After} and the login
 * page, which says how long to wait and keeps the typed user name; any other failure goes
 * back to the login page with its message, as before.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	/** Reached only by the forward below: the browser stays at {@code /login}. */
	static final String LIMITED_PATH = "/login/sperret";

	static final String LIMIT_ATTRIBUTE = SignInFailureHandler.class.getName() + ".limit";

	private final AuthenticationFailureHandler otherwise = new SimpleUrlAuthenticationFailureHandler("/login?error");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof SignInLimitedException limited)) {
			this.otherwise.onAuthenticationFailure(request, response, exception);
			return;
		}
		RateLimitExceededException limit = limited.limit();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limit.retryAfterSeconds()));
		request.setAttribute(LIMIT_ATTRIBUTE, limit);
		request.getRequestDispatcher(LIMITED_PATH).forward(request, response);
	}

}
