package no.dfo.kundesenter.access.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * Records a request refused for its CSRF token, then answers as the handler it wraps
 * does. {@code no_stored_token}: the session held no token (no session, or one that has
 * shown no form yet); {@code token_mismatch}: the request sent none or another one. Other
 * refusals pass through: Spring Security's authorization event records those.
 */
class CsrfRefusals implements AccessDeniedHandler {

	private final SecurityLog log;

	private final AccessDeniedHandler next;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	CsrfRefusals(SecurityLog log, AccessDeniedHandler next) {
		this.log = log;
		this.next = next;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException, ServletException {
		if (refusal instanceof CsrfException) {
			String reason = (refusal instanceof MissingCsrfTokenException) ? "no_stored_token" : "token_mismatch";
			this.log.csrfRefused(reason, SecurityLog.personId(this.contexts.getContext().getAuthentication()));
		}
		this.next.handle(request, response, refusal);
	}

}
