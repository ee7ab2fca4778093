package no.dfo.kundesenter.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.config.DemoProfile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

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

	/** The login page for a sign-in refused for its limit (see SignInFailureHandler). */
	@RequestMapping(SignInFailureHandler.LIMITED_PATH)
	String limited(HttpServletRequest request, Model model) {
		if (request.getAttribute(SignInFailureHandler.LIMIT_ATTRIBUTE) instanceof RateLimitExceededException limit) {
			model.addAttribute("signInLimit", limit);
			model.addAttribute("username", request.getParameter("username"));
		}
		return login(model);
	}

}
