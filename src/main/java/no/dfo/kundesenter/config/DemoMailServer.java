package no.dfo.kundesenter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's mail server: GreenMail, in-process, SMTP and IMAP on localhost, with the
 * centre's two mailboxes (password {@code demo}). Anyone may send to it; a mailbox for
 * any other address is made when mail arrives for it (login and password: the address).
 * Demo equipment: only on the classpath of {@code ./mvnw spring-boot:run} and the tests,
 * never in the jar.
 */
final class DemoMailServer {

	static final String PAYROLL = "lonn@kundesenter.example";

	static final String ACCOUNTING = "regnskap@kundesenter.example";

	static final String PASSWORD = "demo";

	private static volatile GreenMail running;

	private static volatile Ports ports;

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
				new ServerSetup(chosen.imap(), "127.0.0.1", "imap") });
		server.setUser(PAYROLL, PAYROLL, PASSWORD);
		server.setUser(ACCOUNTING, ACCOUNTING, PASSWORD);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "demo-mail-server-stop"));
		running = server;
		ports = chosen;
		return chosen;
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
