package no.dfo.kundesenter.cases.web;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.domain.CaseAccessPolicy;
import no.dfo.kundesenter.cases.domain.CaseListScope;
import no.dfo.kundesenter.cases.domain.CaseService;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CaseController {

	private static final String FORM_VIEW = "cases/new";

	private final CaseService cases;

	private final AuditTrail audit;

	CaseController(CaseService cases, AuditTrail audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@ModelAttribute("categories")
	Category[] categories() {
		return Category.values();
	}

	@GetMapping("/saker")
	String list(@CurrentUser PortalUser viewer, @RequestParam(name = "side", defaultValue = "1") String side,
			@RequestParam(name = "omfang", defaultValue = "") String omfang, Model model) {
		CaseListScope scope = CaseListScope.of(viewer, omfang);
		model.addAttribute("scope", scope);
		model.addAttribute("offersChoice", CaseListScope.offersChoice(viewer));
		model.addAttribute("page", this.cases.list(viewer, scope, pageIndex(side)));
		return "cases/list";
	}

	@GetMapping("/saker/ny")
	String initCreationForm(@CurrentUser PortalUser viewer, Model model) {
		requireMayRegister(viewer);
		model.addAttribute("form", NewCaseForm.empty());
		return FORM_VIEW;
	}

	@PostMapping("/saker")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") NewCaseForm form,
			BindingResult result, RedirectAttributes redirect) {
		requireMayRegister(viewer);
		NewCaseFormValidator.validate(form, result);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		long id = this.cases.register(NewCaseFormValidator.toNewCase(form), viewer);
		redirect.addFlashAttribute("registeredId", id);
		return "redirect:/saker/" + id;
	}

	@GetMapping("/saker/{id:\\d{1,18}}")
	String show(@CurrentUser PortalUser viewer, @PathVariable long id, Model model) {
		model.addAttribute("case", this.cases.detail(id, viewer));
		this.audit.record(viewer, AuditAction.CASE_OPENED, id, "");
		if (CaseAccessPolicy.seesInternalNotes(viewer)) {
			// Who has opened the case is for the centre only, like internal notes.
			model.addAttribute("caseAudit", this.audit.forCase(id));
		}
		return "cases/detail";
	}

	private static void requireMayRegister(PortalUser viewer) {
		if (!CaseAccessPolicy.mayRegister(viewer)) {
			throw new ResourceNotFoundException("Only agency-side users register cases");
		}
	}

	/**
	 * "side" is one-based in the URL; anything that is not a sensible number means the
	 * first page.
	 */
	private static int pageIndex(String side) {
		try {
			return Math.max(Integer.parseInt(side.strip()) - 1, 0);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
