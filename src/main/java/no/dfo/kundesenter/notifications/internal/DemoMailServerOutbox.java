package no.dfo.kundesenter.notifications.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import no.dfo.kundesenter.config.DemoMailServer;
import no.dfo.kundesenter.notifications.DemoOutbox;
import org.jspecify.annotations.Nullable;

/**
 * The portal's own mails as the demo's mail server holds them: every mail it received
 * that is not to one of the centre's mailboxes, newest first. Only where the demo's mail
 * server takes the portal's mail ({@link NotificationConfiguration}).
 */
class DemoMailServerOutbox implements DemoOutbox {

	private static final int SHOWN = 100;

	/** A link, without the full stop or comma of the sentence it ends. */
	private static final Pattern LINK = Pattern.compile("https?://\\S+?(?=[.,;:!?)]*(?:\\s|$))");

	@Override
	public @Nullable Integer imapPort() {
		return DemoMailServer.imapPort();
	}

	@Override
	public List<SentMail> sent() {
		return DemoMailServer.outgoing()
			.stream()
			.map(DemoMailServerOutbox::sentMail)
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(SentMail::sentAt).reversed())
			.limit(SHOWN)
			.toList();
	}

	private static @Nullable SentMail sentMail(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			String recipients = (to != null)
					? Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", ")) : "";
			String text = text(message);
			Matcher link = LINK.matcher(text);
			Instant sent = (message.getSentDate() != null) ? message.getSentDate().toInstant()
					: (message.getReceivedDate() != null) ? message.getReceivedDate().toInstant() : Instant.EPOCH;
			return new SentMail(recipients, Objects.requireNonNullElse(message.getSubject(), ""), sent, text,
					link.find() ? link.group() : null);
		}
		catch (MessagingException | IOException ex) {
			return null;
		}
	}

	/** The first plain-text part. */
	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = text(child);
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

}
