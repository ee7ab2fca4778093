package no.dfo.kundesenter.cases.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.attachments.AttachmentLimits;

/**
 * The attachments of one case page: those that came with a message, by message id, and
 * those added on their own, one entry per upload. Public for the templates only.
 */
public record CaseAttachmentsView(long caseId, Map<Long, List<AttachmentView>> byMessage, List<Entry> standalone,
		AttachmentLimits limits) {

	public List<AttachmentView> forMessage(long messageId) {
		return this.byMessage.getOrDefault(messageId, List.of());
	}

	public record AttachmentView(String name, String size, String contentType, String addedByName, Instant addedAt,
			String href) {
	}

	public record Entry(String addedByName, Instant addedAt, List<AttachmentView> files) {
	}

}
