package no.dfo.kundesenter.notifications.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One composed notice, ready to go.
 *
 * @param to the recipient's address, already checked
 * @param subject says which case, never what it is about
 * @param text the plain-text body
 * @param html the same as HTML
 * @param link the case link the mail contains
 * @param composedAt when it was composed, in Norwegian time
 * @param messageId the Message-ID it goes out with
 * ({@link no.dfo.kundesenter.notifications.MailIds}); {@literal null} lets the mail
 * library make one
 */
public record OutgoingMail(String to, String subject, String text, String html, String link, Instant composedAt,
		@Nullable String messageId) {

	public OutgoingMail(String to, String subject, String text, String html, String link, Instant composedAt) {
		this(to, subject, text, html, link, composedAt, null);
	}

	/** The same mail with the Message-ID it goes out with. */
	public OutgoingMail withMessageId(String id) {
		return new OutgoingMail(this.to, this.subject, this.text, this.html, this.link, this.composedAt, id);
	}

}
