package no.dfo.kundesenter.access.web;

import java.util.Optional;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.AccessRequests;
import no.dfo.kundesenter.access.internal.AccessRuleException;
import no.dfo.kundesenter.access.internal.AccessViews.OrganizationView;
import no.dfo.kundesenter.access.internal.JdbcApiAgencies;
import no.dfo.kundesenter.access.internal.OrganizationNumber;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's access page: pending requests to approve or reject, and an agency's
 * people and roles, with revocation. Only administrators get here (see the security
 * configuration).
 */
@Controller
class AccessAdminController {

	private static final String VIEW = "access/admin";

	private final AccessRequests requests;

	private final JdbcApiAgencies apiAgencies;

	AccessAdminController(AccessRequests requests, JdbcApiAgencies apiAgencies) {
		this.requests = requests;
		this.apiAgencies = apiAgencies;
	}

	@GetMapping("/admin/tilganger")
	String show(@RequestParam(name = "virksomhet", required = false) @Nullable String orgNumber, Model model) {
		if (!model.containsAttribute("agency")) {
			model.addAttribute("agency", AgencyForm.empty());
		}
		model.addAttribute("pending", this.requests.pending());
		model.addAttribute("organizations", this.requests.organizations());
		Optional<OrganizationView> selected = Optional.ofNullable(orgNumber)
			.map(OrganizationNumber::normalize)
			.flatMap(this.requests::organization);
		model.addAttribute("selectedOrgNumber", selected.map(OrganizationView::orgNumber).orElse(""));
		selected.ifPresent((organization) -> {
			model.addAttribute("organization", organization);
			model.addAttribute("users", this.requests.usersOf(organization.id()));
			model.addAttribute("changes", this.requests.changesAt(organization.id()));
			model.addAttribute("apiEnabled", this.apiAgencies.isEnabled(organization.id()));
		});
		return VIEW;
	}

	@PostMapping("/admin/tilganger/{requestId:\\d{1,18}}")
	String decide(@CurrentUser PortalUser admin, @PathVariable long requestId,
			@ModelAttribute("decision") DecisionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		AccessFormValidator.validate(form, result);
		String comment = AccessFormValidator.stripped(form.comment());
		if (!result.hasErrors()) {
			try {
				if (DecisionForm.APPROVE.equals(form.decision())) {
					this.requests.approve(admin, requestId, comment);
					redirect.addFlashAttribute("message", "access.admin.approved");
				}
				else {
					this.requests.reject(admin, requestId, comment);
					redirect.addFlashAttribute("message", "access.admin.rejected");
				}
				return "redirect:/admin/tilganger";
			}
			catch (AccessRuleException ex) {
				result.rejectValue("comment", ex.code());
			}
		}
		model.addAttribute("failedRequestId", requestId);
		model.addAttribute("decisionError", firstCode(result));
		return show(null, model);
	}

	@PostMapping("/admin/virksomheter")
	String addAgency(@CurrentUser PortalUser admin, @ModelAttribute("agency") AgencyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Optional<String> number = AccessFormValidator.validate(form, result);
		if (number.isPresent()) {
			try {
				OrganizationView added = this.requests.addAgency(admin, number.get(),
						AccessFormValidator.agencyName(form));
				redirect.addFlashAttribute("message", "access.agency.added");
				return "redirect:" + UriComponentsBuilder.fromPath("/admin/tilganger")
					.queryParam("virksomhet", added.orgNumber())
					.build()
					.toUriString();
			}
			catch (AccessRuleException ex) {
				result.rejectValue("orgNumber", ex.code());
			}
		}
		return show(null, model);
	}

	@PostMapping("/admin/virksomheter/{orgNumber:\\d{9}}/api")
	String setApiAccess(@CurrentUser PortalUser admin, @PathVariable String orgNumber,
			@RequestParam(name = "enabled", defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
		OrganizationView organization = this.requests.organization(orgNumber)
			.orElseThrow(() -> new ResourceNotFoundException("No agency " + orgNumber));
		try {
			this.apiAgencies.setEnabled(admin, organization.id(), enabled);
			redirect.addFlashAttribute("message", enabled ? "access.api.wasEnabled" : "access.api.wasDisabled");
		}
		catch (AccessRuleException ex) {
			redirect.addFlashAttribute("message", ex.code());
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/tilganger")
			.queryParam("virksomhet", orgNumber)
			.build()
			.toUriString();
	}

	@PostMapping("/admin/tilganger/tilbakekall")
	String revoke(@CurrentUser PortalUser admin, @ModelAttribute("revocation") RevocationForm form,
			BindingResult result, @RequestParam(name = "virksomhet", defaultValue = "") String orgNumber, Model model,
			RedirectAttributes redirect) {
		AccessFormValidator.validate(form, result);
		if (!result.hasErrors()) {
			try {
				Long userId = AccessFormValidator.userId(form.userId());
				Role role = AccessFormValidator.role(form.role());
				this.requests.revoke(admin, userId, role, AccessFormValidator.stripped(form.reason()));
				redirect.addFlashAttribute("message", "access.admin.revoked");
				return "redirect:" + UriComponentsBuilder.fromPath("/admin/tilganger")
					.queryParam("virksomhet", OrganizationNumber.normalize(orgNumber))
					.build()
					.toUriString();
			}
			catch (AccessRuleException ex) {
				result.rejectValue("reason", ex.code());
			}
		}
		model.addAttribute("failedRevocation", form.userId() + ":" + form.role());
		model.addAttribute("revocationError", firstCode(result));
		return show(orgNumber, model);
	}

	private static String firstCode(BindingResult result) {
		var error = result.getFieldError();
		return (error != null && error.getCode() != null) ? error.getCode() : "access.form.invalid";
	}

}
