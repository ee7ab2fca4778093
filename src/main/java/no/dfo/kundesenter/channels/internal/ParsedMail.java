package no.dfo.kundesenter.channels.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a mail says, as read by Jakarta Mail: only what the portal uses.
 *
 * @param from the sender's address, {@literal null} when missing or unreadable
 * @param subject the decoded subject, {@literal null} when missing
 * @param threading In-Reply-To and References together
 * @param text the plain text (HTML-only mail already turned into text)
 * @param noise why the mail is an automatic one, {@literal null} for a person's mail
 */
record ParsedMail(@Nullable String messageId, @Nullable String from, @Nullable String subject, String threading,
		String text, List<MailFile> files, @Nullable Noise noise) {

	/** A file of the mail: an attachment or an inline image. */
	record MailFile(String name, String contentType, byte[] content) {
	}

	enum Noise {

		/** A delivery status notification. */
		BOUNCE,

		/** An out-of-office reply, kept aside. */
		OUT_OF_OFFICE,

		/** Auto-Submitted, Precedence, X-Auto-Response-Suppress. */
		AUTOMATIC,

		/** One of the portal's own mails come back. */
		OWN

	}

}
