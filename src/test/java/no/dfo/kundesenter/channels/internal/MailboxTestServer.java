package no.dfo.kundesenter.channels.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

/**
 * An in-process mail server (GreenMail) with the centre's lønn mailbox, over real SMTP
 * and IMAP on localhost.
 */
final class MailboxTestServer {

	static final String MAILBOX = "lonn@kundesenter.test";

	static final String PASSWORD = "lonn-passord";

	final int imapPort = freePort();

	final int smtpPort = freePort();

	private GreenMail server;

	MailboxTestServer() {
		start();
	}

	void start() {
		this.server = new GreenMail(new ServerSetup[] { new ServerSetup(this.smtpPort, "127.0.0.1", "smtp"),
				new ServerSetup(this.imapPort, "127.0.0.1", "imap") });
		this.server.setUser(MAILBOX, MAILBOX, PASSWORD);
		this.server.start();
	}

	void stop() {
		this.server.stop();
	}

	boolean isRunning() {
		return this.server.isRunning();
	}

	ServerSetup smtp() {
		return new ServerSetup(this.smtpPort, "127.0.0.1", "smtp");
	}

	/** Puts a raw mail (CRLF or LF line ends) in the mailbox's INBOX. */
	void deliver(String raw) {
		try {
			this.server.getUserManager()
				.getUserByEmail(MAILBOX)
				.deliver(new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(
						raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1))));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The mails others received (receipts), addressed to the address. */
	List<MimeMessage> receivedBy(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : this.server.getReceivedMessages()) {
			try {
				if (m.getAllRecipients() != null && m.getAllRecipients().length > 0
						&& m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
					found.add(m);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/** How many mails a folder of the mailbox holds, read over IMAP. */
	int count(String folderName) throws MessagingException {
		try (Store store = store()) {
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				return 0;
			}
			folder.open(Folder.READ_ONLY);
			int n = folder.getMessageCount();
			folder.close(false);
			return n;
		}
	}

	/** UIDVALIDITY and UID of the INBOX's mails, read over IMAP. */
	long[] uidValidityAndFirstUid() throws MessagingException {
		try (Store store = store()) {
			Folder folder = store.getFolder("INBOX");
			folder.open(Folder.READ_ONLY);
			Message first = folder.getMessage(1);
			long[] result = { ((UIDFolder) folder).getUIDValidity(), ((UIDFolder) folder).getUID(first) };
			folder.close(false);
			return result;
		}
	}

	private Store store() throws MessagingException {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", this.imapPort, MAILBOX, PASSWORD);
		return store;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
