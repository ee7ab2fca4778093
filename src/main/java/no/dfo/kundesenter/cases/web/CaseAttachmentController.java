package no.dfo.kundesenter.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentContent;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.domain.CaseAccessPolicy;
import no.dfo.kundesenter.cases.domain.CaseService;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseDetailView;
import no.dfo.kundesenter.cases.domain.CaseViews.MessageView;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloading a case's attachments, adding attachments to a case on their own, and the
 * endpoints the new-case form's script uploads and removes drafts with. Whether the
 * viewer may see the case (and the message an attachment came with) is the case's rule;
 * anything else answers 404.
 */
@Controller
class CaseAttachmentController {

	private static final String DRAFT_ITEMS = "cases/_attachments :: draftItems";

	private static final String UPLOAD_ERRORS = "cases/_attachments :: uploadErrors";

	private final CaseService cases;

	private final CaseAccess access;

	private final Attachments attachments;

	private final CaseAttachmentSupport support;

	private final AuditTrail audit;

	CaseAttachmentController(CaseService cases, CaseAccess access, Attachments attachments,
			CaseAttachmentSupport support, AuditTrail audit) {
		this.audit = audit;
		this.cases = cases;
		this.access = access;
		this.attachments = attachments;
		this.support = support;
	}

	@GetMapping("/saker/{id:\\d{1,18}}/vedlegg/{attachmentId}")
	void download(@CurrentUser PortalUser viewer, @PathVariable long id, @PathVariable String attachmentId,
			HttpServletResponse response) throws IOException {
		UUID uuid = CaseAttachmentSupport.uuid(attachmentId);
		CaseDetailView detail = this.cases.detail(id, viewer);
		if (uuid == null) {
			throw notFound(id);
		}
		try (AttachmentContent opened = this.attachments.open(id, uuid).orElseThrow(() -> notFound(id))) {
			Attachment attachment = opened.attachment();
			if (attachment.messageId() != null && !seesMessage(detail, attachment.messageId())) {
				throw notFound(id);
			}
			this.audit.record(viewer, AuditAction.ATTACHMENT_DOWNLOADED, id, "attachment=" + attachment.id());
			response.setContentType(attachment.contentType());
			response.setContentLengthLong(attachment.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.name()));
			response.setHeader("X-Content-Type-Options", "nosniff");
			opened.content().transferTo(response.getOutputStream());
		}
	}

	@PostMapping("/saker/{id:\\d{1,18}}/vedlegg")
	String add(@CurrentUser PortalUser viewer, @PathVariable long id,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect) {
		if (!this.access.isVisible(id, viewer)) {
			throw new CaseNotFoundException(id);
		}
		try {
			List<Attachment> added = this.attachments.addToCase((files != null) ? files : List.of(), id, null,
					viewer.id());
			if (added.isEmpty()) {
				redirect.addFlashAttribute("attachmentProblems",
						List.of(this.support.describe("attachment.noneChosen")));
			}
			else {
				redirect.addFlashAttribute("attachmentsAdded",
						added.stream().map(Attachment::name).collect(Collectors.joining(", ")));
			}
		}
		catch (AttachmentRejectedException ex) {
			redirect.addFlashAttribute("attachmentProblems", this.support.describe(ex));
		}
		return "redirect:/saker/" + id + "#vedlegg";
	}

	/**
	 * Uploads drafts for the new-case form's script; answers the list items to add, or
	 * 422 with the reasons, or 429 with the reason past the upload limit.
	 */
	@PostMapping("/saker/ny/vedlegg")
	String uploadDrafts(@CurrentUser PortalUser viewer,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		requireMayRegister(viewer);
		try {
			model.addAttribute("drafts",
					this.attachments.uploadDrafts((files != null) ? files : List.of(), viewer.id()));
			return DRAFT_ITEMS;
		}
		catch (AttachmentRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("uploadErrors", this.support.describe(ex));
			return UPLOAD_ERRORS;
		}
		catch (RateLimitExceededException ex) {
			CaseAttachmentSupport.tooManyRequests(ex, response);
			model.addAttribute("uploadErrors", List.of(this.support.describe(ex)));
			return UPLOAD_ERRORS;
		}
	}

	@PostMapping("/saker/ny/vedlegg/{draftId}/slett")
	ResponseEntity<Void> removeDraft(@CurrentUser PortalUser viewer, @PathVariable String draftId) {
		requireMayRegister(viewer);
		UUID id = CaseAttachmentSupport.uuid(draftId);
		boolean deleted = id != null && this.attachments.deleteDraft(id, viewer.id());
		return deleted ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	/**
	 * RFC 6266: browsers take the exact name from {@code filename*} (RFC 5987, UTF-8);
	 * {@code filename} is an ASCII stand-in, since header bytes outside ASCII are read
	 * differently by different clients.
	 */
	static String contentDisposition(String name) {
		String exact = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
		String fallback = ContentDisposition.attachment().filename(ascii(name)).build().toString();
		return fallback + exact.substring(exact.indexOf("; filename*="));
	}

	private static String ascii(String name) {
		String latin = name.replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o");
		String stripped = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return stripped.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_').replace('\\', '_');
	}

	private static boolean seesMessage(CaseDetailView detail, long messageId) {
		return detail.messages().stream().map(MessageView::id).anyMatch((m) -> m == messageId);
	}

	private static CaseNotFoundException notFound(long caseId) {
		return new CaseNotFoundException(caseId);
	}

	private static void requireMayRegister(PortalUser viewer) {
		if (!CaseAccessPolicy.mayRegister(viewer)) {
			throw new ResourceNotFoundException("Only agency-side users register cases");
		}
	}

}
