package no.dfo.kundesenter.access.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final SecuritySettings settings;

	LoginController(SecuritySettings settings) {
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoLogin", this.settings.demoLogin());
		return "access/login";
	}

}
