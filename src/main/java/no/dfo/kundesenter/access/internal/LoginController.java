package no.dfo.kundesenter.access.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.config.DemoProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** The providers in the order the login page offers them; others follow by id. */
	private static final List<String> ORDER = List.of("ansattporten", "idporten", "entraid");

	private final boolean demoLogin;

	private final List<Provider> providers;

	LoginController(Environment environment, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.demoLogin = DemoProfile.isActive(environment);
		this.providers = providers(registrations.getIfAvailable());
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "minutter", required = false) @Nullable String waitMinutes, Model model) {
		// How long a refused return from single sign-on must wait (SignInRefusals); whole
		// minutes, read leniently.
		if (waitMinutes != null && waitMinutes.matches("[1-9][0-9]{0,3}")) {
			model.addAttribute("waitMinutes", Integer.parseInt(waitMinutes));
		}
		return login(model);
	}

	private String login(Model model) {
		model.addAttribute("demoLogin", this.demoLogin);
		model.addAttribute("providers", this.providers);
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

	private static List<Provider> providers(@Nullable ClientRegistrationRepository registrations) {
		List<Provider> providers = new ArrayList<>();
		if (registrations instanceof Iterable<?> all) {
			for (Object registration : all) {
				if (registration instanceof ClientRegistration client) {
					providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
				}
			}
		}
		providers.sort(Comparator.comparing(Provider::rank).thenComparing(Provider::id));
		return List.copyOf(providers);
	}

	/**
	 * A sign-in button: the provider's name from {@code login.provider.<id>}, else the
	 * registration's client name.
	 */
	record Provider(String id, String clientName) {

		int rank() {
			int index = ORDER.indexOf(this.id);
			return (index < 0) ? ORDER.size() : index;
		}

		public String messageKey() {
			return "login.provider." + this.id;
		}

	}

}
