package no.dfo.kundesenter.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that carries the cookie of a session that has expired (30 idle minutes, see
 * {@code spring.session.timeout}) goes to the login page with a notice that says why,
 * instead of a bare login form. A fresh session replaces the stale cookie, so this
 * happens once.
 */
class SessionTimeoutFilter extends OncePerRequestFilter {

	static final String TIMED_OUT_URL = "/login?utlopt";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
			request.getSession(true);
			response.sendRedirect(request.getContextPath() + TIMED_OUT_URL);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/favicon")
				|| path.startsWith("/actuator/");
	}

}
