package no.dfo.kundesenter.attachments.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Scans content with clamd (ClamAV's daemon) over TCP, using its {@code zINSTREAM}
 * command: the content goes in chunks, each after its length as four bytes big-endian,
 * and a zero length ends it; the reply, ended by a NUL, is {@code stream: OK} or
 * {@code stream: <signature> FOUND}. One connection per scan. Every scan, from connecting
 * to the reply, must finish within the timeout; a watchdog closes the connection if not,
 * because a socket's read timeout does not cover writes to a clamd that stopped reading.
 */
class ClamdClient implements AutoCloseable {

	static final int CHUNK_SIZE = 64 * 1024;

	private static final int MAX_REPLY = 1024;

	private final String host;

	private final int port;

	private final Duration timeout;

	private final ScheduledExecutorService watchdog;

	ClamdClient(String host, int port, Duration timeout) {
		Assert.hasText(host, "portal.attachments.clamd.host is set but empty");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "portal.attachments.clamd.timeout must be positive");
		this.host = host;
		this.port = port;
		this.timeout = timeout;
		this.watchdog = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clamd-watchdog").daemon(true).factory());
	}

	/**
	 * @param content read to its end; closed by the caller
	 * @return what clamd found
	 * @throws IOException if clamd cannot be reached, does not answer in time, or answers
	 * with an error (for example when the content is longer than its
	 * {@code StreamMaxLength})
	 */
	Scan scan(InputStream content) throws IOException {
		return parse(exchange((out) -> {
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[CHUNK_SIZE];
			int n;
			while ((n = content.readNBytes(chunk, 0, CHUNK_SIZE)) > 0) {
				out.writeInt(n);
				out.write(chunk, 0, n);
			}
			out.writeInt(0);
		}));
	}

	private String exchange(Request request) throws IOException {
		AtomicBoolean timedOut = new AtomicBoolean();
		try (Socket socket = new Socket()) {
			ScheduledFuture<?> deadline = this.watchdog.schedule(() -> {
				timedOut.set(true);
				closeQuietly(socket);
			}, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			try {
				int millis = (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis());
				// Resolved on every scan, so clamd may move to another address.
				socket.connect(new InetSocketAddress(this.host, this.port), millis);
				socket.setSoTimeout(millis);
				DataOutputStream out = new DataOutputStream(
						new BufferedOutputStream(socket.getOutputStream(), CHUNK_SIZE + 4));
				try {
					request.write(out);
					out.flush();
				}
				catch (IOException ex) {
					// clamd may have answered and closed, for example when a stream is
					// too long.
					String reply = replyIfAny(socket);
					throw new IOException(
							"stopped reading" + (reply.isEmpty() ? "" : " and answered \"" + reply + "\""), ex);
				}
				return readReply(socket);
			}
			finally {
				deadline.cancel(false);
			}
		}
		catch (IOException ex) {
			String problem = timedOut.get() ? "did not answer within " + this.timeout : ex.getMessage();
			throw new IOException("clamd at " + this.host + ":" + this.port + ": " + problem, ex);
		}
	}

	private static String readReply(Socket socket) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		int b;
		while (reply.size() < MAX_REPLY && (b = in.read()) > 0) {
			reply.write(b);
		}
		return reply.toString(StandardCharsets.US_ASCII).strip();
	}

	private static String replyIfAny(Socket socket) {
		try {
			return readReply(socket);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private Scan parse(String reply) throws IOException {
		if (reply.equals("stream: OK")) {
			return new Scan(null);
		}
		if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
			return new Scan(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
		}
		throw new IOException("clamd at " + this.host + ":" + this.port + " answered \"" + reply + "\"");
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is all the watchdog can do.
		}
	}

	@Override
	public void close() {
		this.watchdog.shutdownNow();
	}

	/**
	 * @param signature the name of what clamd found; {@literal null} if nothing
	 */
	record Scan(@Nullable String signature) {

		boolean infected() {
			return this.signature != null;
		}

	}

	@FunctionalInterface
	private interface Request {

		void write(DataOutputStream out) throws IOException;

	}

}
