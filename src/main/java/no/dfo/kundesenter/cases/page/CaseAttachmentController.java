package no.dfo.kundesenter.cases.page;

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
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentContent;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.core.Refusals;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloading a case's attachments, and adding attachments to a case on their own.
 * Whether the viewer may see the case (and the message an attachment came with) is the
 * case's rule; anything else answers 404.
 */
@Controller
class CaseAttachmentController {

	private final CasePages pages;

	private final CaseAccess access;

	private final Attachments attachments;

	private final Refusals refusals;

	private final AuditTrail audit;

	CaseAttachmentController(CasePages pages, CaseAccess access, Attachments attachments, Refusals refusals,
			AuditTrail audit) {
		this.pages = pages;
		this.access = access;
		this.attachments = attachments;
		this.refusals = refusals;
		this.audit = audit;
	}

	@GetMapping("/saker/{id:\\d{1,18}}/vedlegg/{attachmentId}")
	void download(@CurrentUser PortalUser viewer, @PathVariable long id, @PathVariable String attachmentId,
			HttpServletResponse response) throws IOException {
		if (!this.access.isVisible(id, viewer)) {
			throw notFound(id);
		}
		UUID uuid = FormValues.uuid(attachmentId);
		if (uuid == null) {
			throw notFound(id);
		}
		try (AttachmentContent opened = this.attachments.open(id, uuid).orElseThrow(() -> notFound(id))) {
			Attachment attachment = opened.attachment();
			if (attachment.messageId() != null && !this.pages.showsMessage(id, attachment.messageId(), viewer)) {
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
						List.of(this.refusals.describe("attachment.noneChosen")));
			}
			else {
				redirect.addFlashAttribute("attachmentsAdded",
						added.stream().map(Attachment::name).collect(Collectors.joining(", ")));
			}
		}
		catch (AttachmentRejectedException ex) {
			redirect.addFlashAttribute("attachmentProblems", this.refusals.describe(ex));
		}
		return "redirect:/saker/" + id + "#vedlegg";
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

	private static CaseNotFoundException notFound(long caseId) {
		return new CaseNotFoundException(caseId);
	}

}
