package no.dfo.kundesenter.notifications.internal;

import java.time.Instant;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the mail server's answers are classified: refused for good, or worth another try.
 */
class SmtpMailerTests {

	private final OutgoingMail mail = new OutgoingMail("kari@example.no", "Nytt i sak 1", "tekst", "<p>tekst</p>",
			"http://x/saker/1", Instant.now());

	@Test
	void anAddressRefusedWithA5xxReplyIsAPermanentFailure() throws Exception {
		Address kari = new InternetAddress("kari@example.no");
		SmtpMailer mailer = failingWith((message) -> new MailSendException(Map.of(message,
				new SendFailedException("550 5.1.1 no such user", null, null, null, new Address[] { kari }))));
		assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> mailer.send(this.mail))
			.matches(DeliveryFailedException::isPermanent);
	}

	@Test
	void anAddressDeferredWithA4xxReplyIsTriedAgain() throws Exception {
		Address kari = new InternetAddress("kari@example.no");
		SmtpMailer mailer = failingWith((message) -> new MailSendException(
				Map.of(message, new SendFailedException("451 try later", null, null, new Address[] { kari }, null))));
		assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> mailer.send(this.mail))
			.matches((ex) -> !ex.isPermanent());
	}

	@Test
	void anUnreachableServerIsTriedAgain() {
		SmtpMailer mailer = failingWith((message) -> new MailSendException("Mail server connection failed",
				new MessagingException("Connection refused")));
		assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> mailer.send(this.mail))
			.matches((ex) -> !ex.isPermanent());
	}

	private static SmtpMailer failingWith(java.util.function.Function<MimeMessage, MailException> failure) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl() {
			@Override
			protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
				throw failure.apply(mimeMessages[0]);
			}
		};
		return new SmtpMailer(sender, "Kundesenter <ikke-svar@example.no>");
	}

}
