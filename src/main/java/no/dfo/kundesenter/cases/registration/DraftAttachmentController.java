package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.core.Refusals;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The endpoints the new-case form's script uploads and removes drafts with. Only people
 * who may register cases have drafts; everyone else gets 404.
 */
@Controller
class DraftAttachmentController {

	private static final String DRAFT_ITEMS = "cases/_attachments :: draftItems";

	private static final String UPLOAD_ERRORS = "cases/_attachments :: uploadErrors";

	private final Attachments attachments;

	private final Refusals refusals;

	DraftAttachmentController(Attachments attachments, Refusals refusals) {
		this.attachments = attachments;
		this.refusals = refusals;
	}

	/**
	 * Uploads drafts; answers the list items to add, or 422 with the reasons, or 429 with
	 * the reason past the upload limit.
	 */
	@PostMapping("/saker/ny/vedlegg")
	String upload(@CurrentUser PortalUser viewer,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		RegistrationController.requireMayRegister(viewer);
		try {
			model.addAttribute("drafts",
					this.attachments.uploadDrafts((files != null) ? files : List.of(), viewer.id()));
			return DRAFT_ITEMS;
		}
		catch (AttachmentRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("uploadErrors", this.refusals.describe(ex));
			return UPLOAD_ERRORS;
		}
		catch (RateLimitExceededException ex) {
			Refusals.tooManyRequests(ex, response);
			model.addAttribute("uploadErrors", List.of(this.refusals.describe(ex)));
			return UPLOAD_ERRORS;
		}
	}

	@PostMapping("/saker/ny/vedlegg/{draftId}/slett")
	ResponseEntity<Void> remove(@CurrentUser PortalUser viewer, @PathVariable String draftId) {
		RegistrationController.requireMayRegister(viewer);
		UUID id = FormValues.uuid(draftId);
		boolean deleted = id != null && this.attachments.deleteDraft(id, viewer.id());
		return deleted ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
