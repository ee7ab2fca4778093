package no.dfo.kundesenter.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import no.dfo.kundesenter.notifications.MailIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The receipt for a case that came by e-mail: its number and link, nothing of its
 * content, marked as an automatic reply so no mail system answers it. Sent once the case
 * is committed; a receipt that cannot be sent is logged and not tried again (the case
 * shows in the person's list and its notices follow).
 */
@Component
class Receipts {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final ChannelSettings settings;

	Receipts(ObjectProvider<JavaMailSender> sender, MessageSource messages, ChannelSettings settings) {
		this.sender = sender;
		this.messages = messages;
		this.settings = settings;
	}

	void send(String to, @Nullable String inReplyTo, long caseId, Locale language) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return;
		}
		String id = MailIds.receipt(caseId, this.settings.receiptSender());
		MimeMessage message = new MimeMessage((Session) null) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", id);
			}

		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.receiptSender());
			helper.setTo(to);
			helper.setSubject(this.messages.getMessage("channels.receipt.subject",
					new Object[] { String.valueOf(caseId) }, language));
			helper.setText(this.messages.getMessage("channels.receipt.text",
					new Object[] { String.valueOf(caseId), this.settings.caseLink(caseId) }, language));
			message.setHeader("Auto-Submitted", "auto-replied");
			message.setHeader("X-Auto-Response-Suppress", "All");
			if (inReplyTo != null && inReplyTo.length() < 900) {
				message.setHeader("In-Reply-To", inReplyTo);
				message.setHeader("References", inReplyTo);
			}
			mail.send(message);
		}
		catch (MessagingException | MailException | IllegalArgumentException ex) {
			log.warn("Receipt for case {} not sent: {}", caseId, ex.getClass().getName());
		}
	}

}
