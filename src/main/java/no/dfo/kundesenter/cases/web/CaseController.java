package no.dfo.kundesenter.cases.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.domain.CaseAccessPolicy;
import no.dfo.kundesenter.cases.domain.CaseService;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseDetailView;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CaseController {

	private static final String FORM_VIEW = "cases/new";

	private final CaseService cases;

	private final AuditTrail audit;

	private final CaseAttachmentSupport attachments;

	CaseController(CaseService cases, AuditTrail audit, CaseAttachmentSupport attachments) {
		this.cases = cases;
		this.audit = audit;
		this.attachments = attachments;
	}

	@ModelAttribute("categories")
	Category[] categories() {
		return Category.values();
	}

	@GetMapping("/saker/ny")
	String initCreationForm(@CurrentUser PortalUser viewer, Model model) {
		requireMayRegister(viewer);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NewCaseForm.empty());
		}
		// A kept form brings the drafts it had uploaded.
		NewCaseForm form = (NewCaseForm) model.getAttribute("form");
		this.attachments.showDrafts(viewer, (form != null) ? form.draftIds() : List.of(), model);
		return FORM_VIEW;
	}

	/**
	 * Registers the case, or, without JavaScript, uploads chosen files ("Last opp") or
	 * removes one ("✕") and shows the form again with everything typed. Newly chosen
	 * files are uploaded whichever button was pressed, so none is lost. Only a
	 * registration counts against the limit of registrations; past a limit the form comes
	 * back with 429.
	 */
	@PostMapping("/saker")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") NewCaseForm form,
			BindingResult result, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(name = "upload", required = false) @Nullable String upload,
			@RequestParam(name = "removeAttachment", required = false) @Nullable String remove, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireMayRegister(viewer);
		List<UUID> draftIds = form.draftIds();
		boolean uploaded = this.attachments.uploadDrafts(viewer, files, draftIds, result, model, response);
		if (remove != null) {
			this.attachments.removeDraft(viewer, remove, draftIds, model);
		}
		if (remove != null || upload != null || !uploaded) {
			this.attachments.showDrafts(viewer, draftIds, model);
			return FORM_VIEW;
		}
		NewCaseFormValidator.validate(form, result);
		if (!result.hasErrors()) {
			try {
				long id = this.cases.register(NewCaseFormValidator.toNewCase(form, draftIds), viewer);
				redirect.addFlashAttribute("registeredId", id);
				return "redirect:/saker/" + id;
			}
			catch (AttachmentRejectedException ex) {
				CaseAttachmentSupport.reject(ex, result);
			}
			catch (RateLimitExceededException ex) {
				CaseAttachmentSupport.tooManyRequests(ex, response);
				model.addAttribute("rateLimited", this.attachments.describe(ex));
			}
		}
		this.attachments.showDrafts(viewer, draftIds, model);
		return FORM_VIEW;
	}

	@GetMapping("/saker/{id:\\d{1,18}}")
	String show(@CurrentUser PortalUser viewer, @PathVariable long id, Model model) {
		CaseDetailView detail = this.cases.detail(id, viewer);
		model.addAttribute("case", detail);
		model.addAttribute("caseAttachments", this.attachments.forCasePage(detail));
		this.audit.record(viewer, AuditAction.CASE_OPENED, id, "");
		if (CaseAccessPolicy.seesInternalNotes(viewer, detail.category())) {
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

}
