package no.dfo.kundesenter.notifications;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Demo only: the mails the portal has sent, as {@code /demo/epost} lists them. Kept in
 * memory when the demo has no mail server, read from the demo's mail server when it has
 * one.
 */
public interface DemoOutbox {

	/**
	 * The newest mails, newest first.
	 */
	List<SentMail> sent();

	/**
	 * The IMAP port of the local mail server the mails are read from; {@literal null}
	 * where they are kept in memory instead of being sent.
	 */
	@Nullable Integer imapPort();

	/**
	 * One mail the portal sent.
	 *
	 * @param to the recipients
	 * @param subject its subject
	 * @param sentAt when it was sent
	 * @param text its plain text
	 * @param link the first link in it, if any
	 */
	record SentMail(String to, String subject, Instant sentAt, String text, @Nullable String link) {
	}

}
