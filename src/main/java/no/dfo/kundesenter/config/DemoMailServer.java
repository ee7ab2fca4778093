package no.dfo.kundesenter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * The demo's mail server: GreenMail, in-process, SMTP and IMAP on localhost, with the
 * centre's two mailboxes (password {@code demo}). Anyone may send to it, and anyone may
 * read any address's mailbox over IMAP with any password (a demo user's mailbox is their
 * address), so the portal's notices can be read in a mail client. Demo equipment: only on
 * the classpath of {@code ./mvnw spring-boot:run} and the tests, never in the jar.
 */
public final class DemoMailServer {

	static final String PAYROLL = "lonn@kundesenter.example";

	static final String ACCOUNTING = "regnskap@kundesenter.example";

	static final String PASSWORD = "demo";

	private static volatile @Nullable GreenMail running;

	private static volatile @Nullable Ports ports;

	private DemoMailServer() {
	}

	/**
	 * Starts the server once per JVM; a port of 0 is any free one.
	 * @return the ports it listens on
	 */
	static synchronized Ports start(int smtpPort, int imapPort) {
		if (running != null) {
			return ports;
		}
		Ports chosen = new Ports((smtpPort != 0) ? smtpPort : freePort(), (imapPort != 0) ? imapPort : freePort());
		GreenMail server = new GreenMail(new ServerSetup[] { new ServerSetup(chosen.smtp(), "127.0.0.1", "smtp"),
				new ServerSetup(chosen.imap(), "127.0.0.1", "imap") })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		server.setUser(PAYROLL, PAYROLL, PASSWORD);
		server.setUser(ACCOUNTING, ACCOUNTING, PASSWORD);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "demo-mail-server-stop"));
		running = server;
		ports = chosen;
		return chosen;
	}

	/** The IMAP port; {@literal null} when the server is not running. */
	public static @Nullable Integer imapPort() {
		Ports chosen = ports;
		return (chosen != null) ? chosen.imap() : null;
	}

	/**
	 * Every mail the server holds that is not to one of the centre's mailboxes; none when
	 * it is not running.
	 */
	public static List<MimeMessage> outgoing() {
		GreenMail server = running;
		if (server == null) {
			return List.of();
		}
		return Arrays.stream(server.getReceivedMessages()).filter((m) -> !toTheCentre(m)).toList();
	}

	private static boolean toTheCentre(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to)
				.map((a) -> (a instanceof InternetAddress ia) ? ia.getAddress() : a.toString())
				.anyMatch((a) -> PAYROLL.equalsIgnoreCase(a) || ACCOUNTING.equalsIgnoreCase(a));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Ports(int smtp, int imap) {
	}

}
