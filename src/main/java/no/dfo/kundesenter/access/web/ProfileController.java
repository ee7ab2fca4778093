package no.dfo.kundesenter.access.web;

import java.time.Duration;
import java.util.Optional;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.EmailAddress;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.internal.EmailConfirmations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Profilen din": who the portal takes the person to be, and the address notices go to,
 * changed only through a link sent to the new address.
 */
@Controller
class ProfileController {

	private static final String VIEW = "access/profile";

	private final EmailConfirmations emails;

	ProfileController(EmailConfirmations emails) {
		this.emails = emails;
	}

	@GetMapping("/profil")
	String show(@CurrentUser PortalUser viewer, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EmailForm(null));
		}
		return view(viewer, model);
	}

	@PostMapping("/profil/epost")
	String requestConfirmation(@CurrentUser PortalUser viewer, @ModelAttribute("form") EmailForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String address = (form.email() != null) ? form.email().strip() : "";
		if (address.isEmpty()) {
			result.rejectValue("email", "profile.email.required");
		}
		else if (!EmailAddress.isWellFormed(address)) {
			result.rejectValue("email", "profile.email.format");
		}
		else if (this.emails.current(viewer.id()).filter(address::equalsIgnoreCase).isPresent()) {
			result.rejectValue("email", "profile.email.same");
		}
		if (result.hasErrors()) {
			return view(viewer, model);
		}
		Optional<Duration> wait = this.emails.request(viewer, address);
		if (wait.isPresent()) {
			result.rejectValue("email", "profile.email.limited",
					new Object[] { Math.max(1, (wait.get().toSeconds() + 59) / 60) }, null);
			return view(viewer, model);
		}
		redirect.addFlashAttribute("sentTo", address);
		return "redirect:/profil";
	}

	@GetMapping("/profil/epost/bekreft")
	String confirmation(@CurrentUser PortalUser viewer,
			@RequestParam(name = "adresse", required = false) @Nullable String address,
			@RequestParam(name = "utloper", required = false) @Nullable String expires,
			@RequestParam(name = "kode", required = false) @Nullable String code, Model model) {
		boolean valid = address != null && expires != null && code != null
				&& this.emails.valid(viewer, address, expires, code);
		model.addAttribute("valid", valid);
		if (valid) {
			model.addAttribute("address", address);
			model.addAttribute("expires", expires);
			model.addAttribute("code", code);
		}
		return "access/confirm-email";
	}

	@PostMapping("/profil/epost/bekreft")
	String confirm(@CurrentUser PortalUser viewer,
			@RequestParam(name = "adresse", required = false) @Nullable String address,
			@RequestParam(name = "utloper", required = false) @Nullable String expires,
			@RequestParam(name = "kode", required = false) @Nullable String code, Model model,
			RedirectAttributes redirect) {
		if (address == null || expires == null || code == null
				|| !this.emails.confirm(viewer, address, expires, code)) {
			model.addAttribute("valid", false);
			return "access/confirm-email";
		}
		redirect.addFlashAttribute("confirmed", address);
		return "redirect:/profil";
	}

	private String view(PortalUser viewer, Model model) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("currentEmail", this.emails.current(viewer.id()).orElse(null));
		model.addAttribute("emailMaxLength", EmailAddress.MAX_LENGTH);
		return VIEW;
	}

	/** The address exactly as typed. */
	record EmailForm(@Nullable String email) {
	}

}
