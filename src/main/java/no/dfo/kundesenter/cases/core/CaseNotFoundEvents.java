package no.dfo.kundesenter.cases.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.SecurityEvents;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Reports every case id a signed-in person got 404 on, from any endpoint, before the
 * exception is resolved as usual: it answers nothing itself, so the 404 page stays the
 * one the layout's advice renders.
 */
@Component
class CaseNotFoundEvents implements HandlerExceptionResolver, Ordered {

	private final SecurityEvents events;

	CaseNotFoundEvents(SecurityEvents events) {
		this.events = events;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (ex instanceof CaseNotFoundException notFound
				&& request.getAttribute(PortalUser.REQUEST_ATTRIBUTE) instanceof PortalUser viewer) {
			this.events.caseNotFound(viewer.id(), notFound.caseId());
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
