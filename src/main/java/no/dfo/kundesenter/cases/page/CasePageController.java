package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case page: the case, its conversation and what the viewer may do on it.
 */
@Controller
class CasePageController {

	static final String VIEW = "cases/detail";

	private final CasePages pages;

	CasePageController(CasePages pages) {
		this.pages = pages;
	}

	@GetMapping("/saker/{id:\\d{1,18}}")
	String show(@CurrentUser PortalUser viewer, @PathVariable long id, Model model) {
		return show(this.pages.open(id, viewer), model);
	}

	/**
	 * Adds the page, and an empty message form unless one is being shown again.
	 */
	static String show(CasePage page, Model model) {
		model.addAttribute("case", page);
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", MessageForm.empty(page.version()));
		}
		return VIEW;
	}

}
