package no.dfo.kundesenter.notifications.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends notices through the SMTP server of {@code spring.mail.*}, as plain text with an
 * HTML alternative.
 */
class SmtpMailer implements Mailer {

	private final JavaMailSender sender;

	private final String from;

	SmtpMailer(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(OutgoingMail mail) {
		MimeMessage message = (mail.messageId() != null) ? withMessageId(mail.messageId())
				: this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
		}
		catch (MessagingException ex) {
			throw new DeliveryFailedException("Mail could not be composed", true, ex);
		}
		try {
			this.sender.send(message);
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new DeliveryFailedException("Mail could not be composed", true, ex);
		}
		catch (MailSendException ex) {
			throw new DeliveryFailedException("Mail server did not take the mail", refusedForGood(ex), ex);
		}
		catch (MailException ex) {
			throw new DeliveryFailedException("Mail server not usable", false, ex);
		}
	}

	/**
	 * Jakarta Mail reports addresses the server refused with a 5xx reply as "invalid" (as
	 * opposed to "valid but unsent" for 4xx, worth trying again).
	 */
	private static boolean refusedForGood(MailSendException ex) {
		for (Exception failure : ex.getMessageExceptions()) {
			if (hasInvalidAddresses(failure)) {
				return true;
			}
		}
		return hasInvalidAddresses(ex.getCause());
	}

	private static boolean hasInvalidAddresses(@Nullable Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != t.getCause()) {
				if (hasInvalidAddresses(messaging.getNextException())) {
					return true;
				}
			}
		}
		return false;
	}

	/** A message that keeps the given Message-ID when it is sent. */
	private static MimeMessage withMessageId(String id) {
		return new MimeMessage((Session) null) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", id);
			}

		};
	}

}
