package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import no.dfo.kundesenter.web.FormRescue;
import no.dfo.kundesenter.web.RescuedForm.Reason;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that carries the cookie of a session that has ended (30 idle minutes, see
 * {@code spring.session.timeout}) or that has lasted its absolute lifetime
 * ({@code portal.access.session-lifetime}, however active it was) goes to the login page
 * with a notice that says why, instead of a bare login form. The stale cookie is removed,
 * so this happens once; no session is started for it, so a made-up cookie adds nothing to
 * the session store. A session the provider ended (back-channel logout) says so instead.
 * Each is a {@code session.timeout} event: {@code idle} (an ended or unknown session),
 * {@code provider} or {@code lifetime}.
 */
class SessionTimeoutFilter extends OncePerRequestFilter {

	static final String TIMED_OUT_URL = "/login?utlopt";

	/** The same, when the form the request sent was kept (FormRescue). */
	static final String TIMED_OUT_FORM_KEPT_URL = "/login?utlopt&skjema";

	/** A session the provider ended: the person signed out there. */
	static final String ENDED_BY_PROVIDER_URL = "/login?avsluttet";

	private final CookieSerializer cookies;

	private final Duration lifetime;

	private final FormRescue rescue;

	private final SecurityLog log;

	private final OidcSessions signIns;

	SessionTimeoutFilter(CookieSerializer cookies, Duration lifetime, FormRescue rescue, SecurityLog log,
			OidcSessions signIns) {
		this.cookies = cookies;
		this.lifetime = lifetime;
		this.rescue = rescue;
		this.log = log;
		this.signIns = signIns;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requested = request.getRequestedSessionId();
		if (requested != null && !request.isRequestedSessionIdValid()) {
			boolean byProvider = this.signIns.endedByProvider(requested);
			this.log.sessionTimedOut(byProvider ? "provider" : "idle", null);
			timedOut(request, response, byProvider ? ENDED_BY_PROVIDER_URL : TIMED_OUT_URL);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null
				&& Instant.ofEpochMilli(session.getCreationTime()).plus(this.lifetime).isBefore(Instant.now())) {
			this.log.sessionTimedOut("lifetime", SecurityLog
				.personId(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication()));
			session.invalidate();
			timedOut(request, response, TIMED_OUT_URL);
			return;
		}
		chain.doFilter(request, response);
	}

	private void timedOut(HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
		// A form sent just after the session ended keeps its text for after signing in,
		// in
		// a new session; otherwise the stale cookie is removed and no session started.
		boolean kept = this.rescue.keep(request, Reason.SESSION_ENDED).isPresent();
		if (!kept) {
			this.cookies.writeCookieValue(new CookieValue(request, response, ""));
		}
		response.sendRedirect(request.getContextPath() + (kept ? page + "&skjema" : page));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/favicon")
				|| path.startsWith("/actuator/");
	}

}
