package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.web.FormRescue;
import no.dfo.kundesenter.web.RescuedForm.Reason;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form refused for its CSRF token in a session that exists (a page left open while the
 * token changed, for example across signing in again) is kept and shown again on its page
 * with what was typed, instead of a bare 403. Without a session nothing is read: the
 * default handler answers 403.
 */
final class StaleFormHandler implements AccessDeniedHandler {

	private final FormRescue rescue;

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

	StaleFormHandler(FormRescue rescue) {
		this.rescue = rescue;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException && request.getSession(false) != null) {
			Optional<String> page = this.rescue.keep(request, Reason.PAGE_EXPIRED);
			if (page.isPresent()) {
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader("Location", request.getContextPath() + page.get());
				return;
			}
		}
		this.refusal.handle(request, response, denied);
	}

}
