package no.dfo.kundesenter.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Shows a kept form again: on its page, before the page's controller fills in an empty
 * one, it puts the form as it was sent into the model, and tells the layout why it is
 * back.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RescuedFormAdvice {

	private final FormRescue rescue;

	RescuedFormAdvice(FormRescue rescue) {
		this.rescue = rescue;
	}

	@ModelAttribute
	void restoreKeptForm(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod())) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		this.rescue.take(request, path).ifPresent((taken) -> {
			model.addAttribute(taken.attribute(), taken.form());
			request.setAttribute(FormRescue.REQUEST_ATTRIBUTE, taken.rescued());
		});
	}

}
