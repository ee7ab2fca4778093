package no.dfo.kundesenter.access.web;

import java.util.Optional;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.AccessRequests;
import no.dfo.kundesenter.access.internal.AccessViews.OrganizationView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Bestille tilgang": any signed-in person asks for a role at an agency.
 */
@Controller
class AccessRequestController {

	private static final String VIEW = "access/request";

	private final AccessRequests requests;

	AccessRequestController(AccessRequests requests) {
		this.requests = requests;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping("/tilgang")
	String initCreationForm(@CurrentUser PortalUser viewer, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AccessRequestForm.empty());
		}
		return show(viewer, model);
	}

	@PostMapping("/tilgang")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") AccessRequestForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<OrganizationView> organization = AccessFormValidator.validate(form, result,
				this.requests::organization);
		Role role = AccessFormValidator.role(form.role());
		if (organization.isPresent() && role != null && !result.hasErrors()) {
			OrganizationView agency = organization.get();
			if (!this.requests.fits(role, agency)) {
				result.rejectValue("role", "access.role.wrongSide");
			}
			else if (viewer.hasRole(role) && viewer.organizationId() == agency.id()) {
				result.rejectValue("role", "access.role.alreadyHeld");
			}
			else if (viewer.roles().stream().anyMatch((held) -> !held.combinesWith(role))) {
				result.rejectValue("role", "access.role.separation");
			}
			else if (this.requests.hasPendingRequest(viewer, agency.id(), role)) {
				result.rejectValue("role", "access.request.duplicate");
			}
		}
		if (result.hasErrors()) {
			return show(viewer, model);
		}
		this.requests.request(viewer, organization.orElseThrow(), role, AccessFormValidator.stripped(form.reason()));
		redirect.addFlashAttribute("requested", true);
		return "redirect:/tilgang";
	}

	private String show(PortalUser viewer, Model model) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("requests", this.requests.requestsOf(viewer));
		return VIEW;
	}

}
