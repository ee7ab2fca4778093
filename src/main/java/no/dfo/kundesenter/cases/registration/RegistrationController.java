package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.Refusals;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Meld inn ny sak": agency-side people register their own cases in the portal. Everyone
 * else gets 404.
 */
@Controller
class RegistrationController {

	private static final String FORM_VIEW = "cases/new";

	private final CaseRegistration registration;

	private final DraftAttachments drafts;

	private final Refusals refusals;

	RegistrationController(CaseRegistration registration, DraftAttachments drafts, Refusals refusals) {
		this.registration = registration;
		this.drafts = drafts;
		this.refusals = refusals;
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
		this.drafts.show(viewer, (form != null) ? form.draftIds() : List.of(), model);
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
		boolean uploaded = this.drafts.upload(viewer, files, draftIds, result, model, response);
		if (remove != null) {
			this.drafts.remove(viewer, remove, draftIds, model);
		}
		if (remove == null && upload == null && uploaded) {
			NewCaseFormValidator.validate(form, result);
			if (!result.hasErrors()) {
				try {
					long id = this.registration.register(NewCaseFormValidator.toNewCase(form, draftIds), Channel.WEB,
							viewer.id(), viewer);
					redirect.addFlashAttribute("registeredId", id);
					return "redirect:/saker/" + id;
				}
				catch (AttachmentRejectedException ex) {
					Refusals.reject(ex, result);
				}
				catch (RateLimitExceededException ex) {
					Refusals.tooManyRequests(ex, response);
					model.addAttribute("rateLimited", this.refusals.describe(ex));
				}
			}
		}
		this.drafts.show(viewer, draftIds, model);
		return FORM_VIEW;
	}

	static void requireMayRegister(PortalUser viewer) {
		if (!CaseAccessPolicy.mayRegister(viewer)) {
			throw new ResourceNotFoundException("Only agency-side users register cases");
		}
	}

}
