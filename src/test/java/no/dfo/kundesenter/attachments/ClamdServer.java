package no.dfo.kundesenter.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real clamd (Debian's {@code clamav-daemon}) for tests, on a free port of 127.0.0.1,
 * with a signature database of one line written here: it finds {@link #TEST_SIGNATURE}
 * anywhere in a file. Nothing is downloaded. Streams longer than
 * {@link #STREAM_MAX_LENGTH} get clamd's error reply.
 */
public final class ClamdServer implements AutoCloseable {

	public static final Path CLAMD = Path.of("/usr/sbin/clamd");

	/** What clamd calls a match of a signature from a database of our own. */
	public static final String SIGNATURE_NAME = "Kundesenter.Test.Signature.UNOFFICIAL";

	/** Harmless bytes that our test signature stands for, like EICAR's test file. */
	public static final byte[] TEST_SIGNATURE = "KUNDESENTER-TESTSIGNATUR-5f3a9c-DENNE-FILEN-ER-IKKE-ET-VIRUS"
		.getBytes(StandardCharsets.US_ASCII);

	public static final int STREAM_MAX_LENGTH = 2 * 1024 * 1024;

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final Path directory;

	private final int port;

	private Process process;

	private ClamdServer(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Writes the configuration and signature database for a clamd on a free port; start
	 * it with {@link #start()}.
	 * @throws IllegalStateException if clamd is not installed
	 */
	public static ClamdServer onFreePort() {
		if (!Files.isExecutable(CLAMD)) {
			throw new IllegalStateException(CLAMD + " is missing: the antivirus tests need a real clamd. Install "
					+ "Debian's clamav-daemon (apt-get install -y --no-install-recommends clamav-daemon); "
					+ ".ci/run does so in CI.");
		}
		try {
			Path directory = Files.createTempDirectory("clamd-test-");
			Path database = Files.createDirectory(directory.resolve("db"));
			Files.createDirectory(directory.resolve("tmp"));
			Files.writeString(database.resolve("test.ndb"),
					"Kundesenter.Test.Signature:0:*:" + HexFormat.of().formatHex(TEST_SIGNATURE) + "\n");
			int port = freePort();
			Files.writeString(directory.resolve("clamd.conf"),
					String.join("\n", "TCPSocket " + port, "TCPAddr 127.0.0.1", "Foreground yes",
							"DatabaseDirectory " + database, "TemporaryDirectory " + directory.resolve("tmp"),
							"PidFile " + directory.resolve("clamd.pid"), "LogFile " + directory.resolve("clamd.log"),
							"StreamMaxLength " + STREAM_MAX_LENGTH, "MaxThreads 4", ""));
			return new ClamdServer(directory, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts clamd and waits until it answers {@code zPING}. */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + this.directory.resolve("clamd.conf"))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("clamd.out").toFile())
				.start();
			Instant deadline = Instant.now().plus(STARTUP);
			while (!answersPing()) {
				if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
					stop();
					throw new IllegalStateException("clamd did not start: " + log());
				}
				Thread.sleep(50);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops clamd; its port then refuses connections. */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind does no harm.
		}
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream reply = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) > 0) {
				reply.write(b);
			}
			return reply.toString(StandardCharsets.US_ASCII).equals("PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String log() {
		StringBuilder log = new StringBuilder();
		for (String name : new String[] { "clamd.out", "clamd.log" }) {
			try {
				log.append(Files.readString(this.directory.resolve(name))).append('\n');
			}
			catch (IOException ex) {
				// Not written yet.
			}
		}
		return log.toString().strip();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
