package no.dfo.kundesenter.cases.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseDetailView;
import no.dfo.kundesenter.cases.domain.CaseViews.MessageView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the case pages need from the attachments module: drafts on the new-case form, and
 * a case's attachments grouped the way the viewer may see them.
 */
@Component
class CaseAttachmentSupport {

	static final String FIELD = "attachmentIds";

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private final Attachments attachments;

	private final UserDirectory directory;

	private final MessageSource messages;

	CaseAttachmentSupport(Attachments attachments, UserDirectory directory, MessageSource messages) {
		this.attachments = attachments;
		this.directory = directory;
		this.messages = messages;
	}

	void showDrafts(PortalUser viewer, List<UUID> draftIds, Model model) {
		model.addAttribute("drafts", this.attachments.drafts(viewer.id(), draftIds));
		model.addAttribute("attachmentLimits", this.attachments.limits());
	}

	/**
	 * Uploads newly chosen files as drafts and adds their ids.
	 * @return false if they were refused (the reasons are on the form; past the upload
	 * limit the answer is 429)
	 */
	boolean uploadDrafts(PortalUser viewer, @Nullable List<MultipartFile> files, List<UUID> draftIds, Errors errors,
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
			reject(ex, errors);
			return false;
		}
		catch (RateLimitExceededException ex) {
			tooManyRequests(ex, response);
			errors.rejectValue(FIELD, ex.messageCode(), new Object[] { ex.retryAfterMinutes() }, ex.messageCode());
			return false;
		}
	}

	/** Answers 429 and says when to try again; the page itself shows why. */
	static void tooManyRequests(RateLimitExceededException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
	}

	void removeDraft(PortalUser viewer, String value, List<UUID> draftIds, Model model) {
		UUID id = uuid(value);
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

	static void reject(AttachmentRejectedException ex, Errors errors) {
		for (Problem problem : ex.problems()) {
			errors.rejectValue(FIELD, problem.code(), problem.args().toArray(), problem.code());
		}
	}

	List<String> describe(AttachmentRejectedException ex) {
		return ex.problems()
			.stream()
			.map((p) -> this.messages.getMessage(p.code(), p.args().toArray(), p.code(),
					LocaleContextHolder.getLocale()))
			.toList();
	}

	String describe(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	String describe(RateLimitExceededException ex) {
		return this.messages.getMessage(ex.messageCode(), new Object[] { ex.retryAfterMinutes() }, ex.messageCode(),
				LocaleContextHolder.getLocale());
	}

	/**
	 * The case's attachments that go with messages the viewer sees (so none of an
	 * internal note's reach a customer), and those added on their own. One query for all.
	 */
	CaseAttachmentsView forCasePage(CaseDetailView detail) {
		List<Attachment> all = this.attachments.listForCase(detail.id());
		Set<Long> visibleMessages = detail.messages().stream().map(MessageView::id).collect(Collectors.toSet());
		Set<Long> people = new HashSet<>();
		all.forEach((a) -> people.add(a.addedBy()));
		Map<Long, String> names = this.directory.fullNames(people);
		Map<Long, List<CaseAttachmentsView.AttachmentView>> byMessage = new LinkedHashMap<>();
		Map<String, CaseAttachmentsView.Entry> standalone = new LinkedHashMap<>();
		for (Attachment a : all) {
			var view = new CaseAttachmentsView.AttachmentView(a.name(), a.displaySize(), a.contentType(),
					names.getOrDefault(a.addedBy(), "?"), a.addedAt().atZone(OSLO),
					"/saker/" + detail.id() + "/vedlegg/" + a.id());
			if (a.messageId() == null) {
				standalone
					.computeIfAbsent(a.addedBy() + "@" + a.addedAt(),
							(k) -> new CaseAttachmentsView.Entry(view.addedByName(), view.addedAt(), new ArrayList<>()))
					.files()
					.add(view);
			}
			else if (visibleMessages.contains(a.messageId())) {
				byMessage.computeIfAbsent(a.messageId(), (k) -> new ArrayList<>()).add(view);
			}
		}
		return new CaseAttachmentsView(detail.id(), byMessage, List.copyOf(standalone.values()),
				this.attachments.limits());
	}

	static @Nullable UUID uuid(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
