import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Fills the demo's lønn mailbox with mails from a known sender over IMAP APPEND (so the
 * portal finds them all waiting), then waits until the portal has taken them all and
 * prints mails per second. Not a test: run by bench/mail-benchmark.sh.
 *
 * Arguments: IMAP port, number of mails, sender address.
 */
public class MailBenchmark {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		String from = args[2];
		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", port, "lonn@kundesenter.example", "demo");
			Folder inbox = store.getFolder("INBOX");
			Folder processed = store.getFolder("Behandlet");
			int before = processed.exists() ? processed.getMessageCount() : 0;
			Message[] mails = new Message[count];
			for (int i = 0; i < count; i++) {
				MimeMessage mail = new MimeMessage(session);
				mail.setFrom(new InternetAddress(from));
				mail.setRecipients(Message.RecipientType.TO, "lonn@kundesenter.example");
				mail.setSubject("Benchmark " + i + " " + UUID.randomUUID(), "UTF-8");
				mail.setText("Lønnsslipp for mars mangler trekk. Melding nummer " + i + ".", "UTF-8");
				mail.saveChanges();
				mails[i] = mail;
			}
			Instant start = Instant.now();
			inbox.appendMessages(mails);
			System.out.printf("appended %d mails in %d ms%n", count, Duration.between(start, Instant.now()).toMillis());
			Instant first = null;
			while (true) {
				Thread.sleep(200);
				Folder box = store.getFolder("Behandlet");
				int done = (box.exists() ? box.getMessageCount() : 0) - before;
				if (first == null && done > 0) {
					first = Instant.now();
				}
				if (done >= count) {
					break;
				}
			}
			Duration took = Duration.between(start, Instant.now());
			System.out.printf("taken %d mails in %.1f s: %.1f mails per second (from the first one taken: %.1f)%n",
					count, took.toMillis() / 1000.0, count * 1000.0 / took.toMillis(),
					count * 1000.0 / Math.max(1, Duration.between(first, Instant.now()).toMillis()));
		}
	}

}
