package no.dfo.kundesenter.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, as Spring Security keeps them, except that checking a
 * form sent without a session never starts one. Spring Security saves a new token when
 * the request to be checked brings none, which for an anonymous POST (or one with a
 * made-up or expired session cookie) would add a session row that the refused request has
 * no use for. Pages that show a form still start the session that holds its token.
 */
final class CsrfTokensWithoutNewSessions implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) == null && !isSafe(request.getMethod())) {
			return;
		}
		this.sessions.saveToken(token, request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return this.sessions.loadToken(request);
	}

	private static boolean isSafe(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
	}

}
