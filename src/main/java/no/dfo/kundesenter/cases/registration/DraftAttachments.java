package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.core.Refusals;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files on the new-case form: uploaded as drafts before the case exists, shown with
 * the form, removable, and claimed by the case when it is registered.
 */
@Component
class DraftAttachments {

	private final Attachments attachments;

	DraftAttachments(Attachments attachments) {
		this.attachments = attachments;
	}

	void show(PortalUser viewer, List<UUID> draftIds, Model model) {
		model.addAttribute("drafts", this.attachments.drafts(viewer.id(), draftIds));
		model.addAttribute("attachmentLimits", this.attachments.limits());
	}

	/**
	 * Uploads newly chosen files as drafts and adds their ids.
	 * @return false if they were refused (the reasons are on the form; past the upload
	 * limit the answer is 429)
	 */
	boolean upload(PortalUser viewer, @Nullable List<MultipartFile> files, List<UUID> draftIds, Errors errors,
			Model model, HttpServletResponse response) {
		if (files == null) {
			return true;
		}
		try {
			List<Attachment> uploaded = this.attachments.uploadDrafts(files, viewer.id());
			uploaded.forEach((a) -> draftIds.add(a.id()));
			if (!uploaded.isEmpty()) {
				model.addAttribute("attachmentsUploaded",
						uploaded.stream().map(Attachment::name).collect(Collectors.joining(", ")));
			}
			return true;
		}
		catch (AttachmentRejectedException ex) {
			Refusals.reject(ex, errors);
			return false;
		}
		catch (RateLimitExceededException ex) {
			Refusals.tooManyRequests(ex, response);
			Refusals.reject(ex, errors);
			return false;
		}
	}

	void remove(PortalUser viewer, String value, List<UUID> draftIds, Model model) {
		UUID id = FormValues.uuid(value);
		if (id == null) {
			return;
		}
		this.attachments.drafts(viewer.id(), List.of(id))
			.stream()
			.findFirst()
			.filter((draft) -> this.attachments.deleteDraft(id, viewer.id()))
			.ifPresent((draft) -> model.addAttribute("attachmentRemoved", draft.name()));
		draftIds.remove(id);
	}

}
