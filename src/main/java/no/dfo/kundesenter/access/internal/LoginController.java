package no.dfo.kundesenter.access.internal;

import no.dfo.kundesenter.config.DemoProfile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final boolean demoLogin;

	LoginController(Environment environment) {
		this.demoLogin = DemoProfile.isActive(environment);
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoLogin", this.demoLogin);
		return "access/login";
	}

}
