package no.dfo.kundesenter.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final FormRescue rescue;

	HomeController(FormRescue rescue) {
		this.rescue = rescue;
	}

	/**
	 * The case list, or, just after signing in again, the form that was kept when the
	 * session ended.
	 */
	@GetMapping("/")
	String home(HttpServletRequest request) {
		return "redirect:" + this.rescue.pendingPage(request).orElse("/saker");
	}

}
