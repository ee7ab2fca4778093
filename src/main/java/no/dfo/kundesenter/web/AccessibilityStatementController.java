package no.dfo.kundesenter.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tilgjengelighetserklæring), as the regulation on universal
 * design of ICT asks for it: open to everyone, signed in or not.
 */
@Controller
class AccessibilityStatementController {

	static final String PATH = "/tilgjengelighet";

	private final WebSettings settings;

	AccessibilityStatementController(WebSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	String statement(Model model) {
		model.addAttribute("accessibility", this.settings.accessibility());
		return "about/accessibility";
	}

}
