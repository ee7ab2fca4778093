package no.dfo.kundesenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a browser does with the portal over real HTTP, for tests that need the servlet
 * container itself: signing in through the demo's login form, keeping the session cookie,
 * reading the CSRF token from a page, and raw requests that no HTTP client library would
 * send.
 */
public final class RealBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("((?:__Host-)?SESSION=[^;]+)");

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private @Nullable String session;

	public RealBrowser(int port) {
		this.port = port;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** Signs in with the demo's login form as the given demo user (password "demo"). */
	public RealBrowser signIn(String username) throws Exception {
		String token = csrfToken("/login");
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", username, "password", "demo", "_csrf", token)))));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode());
		}
		return this;
	}

	/** The CSRF token of the form on a page, as the page shows it. */
	public String csrfToken(String path) throws Exception {
		Matcher token = CSRF.matcher(get(path).body());
		if (!token.find()) {
			throw new IllegalStateException("No form with a CSRF token on " + path);
		}
		return token.group(1);
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (this.session != null) {
			request.header("Cookie", this.session);
		}
		HttpResponse<String> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		response.headers().allValues("Set-Cookie").forEach((cookie) -> {
			Matcher session = SESSION.matcher(cookie);
			if (session.lookingAt()) {
				this.session = cookie.contains("Max-Age=0") ? null : session.group(1);
			}
		});
		return response;
	}

	public @Nullable String session() {
		return this.session;
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * Sends a request as raw bytes: the head, then the body as it is given, then as many
	 * more bytes as the server takes, up to {@code declaredLength}, while another thread
	 * reads the answer.
	 */
	public RawResponse raw(String head, byte[] body, long declaredLength) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			AtomicLong sent = new AtomicLong();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			long started = System.nanoTime();
			AtomicLong answeredAfter = new AtomicLong(-1);
			Thread reader = Thread.ofPlatform().start(() -> {
				try {
					InputStream in = socket.getInputStream();
					byte[] buffer = new byte[8192];
					int n;
					while ((n = in.read(buffer)) > 0) {
						answeredAfter.compareAndSet(-1, System.nanoTime() - started);
						synchronized (received) {
							received.write(buffer, 0, n);
						}
					}
				}
				catch (IOException ex) {
					// the server closed the connection
				}
			});
			try {
				OutputStream out = socket.getOutputStream();
				out.write(head.getBytes(StandardCharsets.ISO_8859_1));
				out.write(body);
				sent.addAndGet(body.length);
				byte[] filler = new byte[64 * 1024];
				while (sent.get() < declaredLength && answeredAfter.get() < 0) {
					int n = (int) Math.min(filler.length, declaredLength - sent.get());
					out.write(filler, 0, n);
					sent.addAndGet(n);
				}
				out.flush();
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// the server stopped reading and closed the connection
			}
			reader.join(30_000);
			synchronized (received) {
				return new RawResponse(received.toString(StandardCharsets.UTF_8), sent.get(),
						answeredAfter.get() / 1_000_000);
			}
		}
	}

	/**
	 * Sends the head and the start of a body, then nothing more, and waits (at most 60 s)
	 * for the server to answer or close the connection.
	 */
	public RawResponse stalled(String head, byte[] start) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			long started = System.nanoTime();
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(start);
			out.flush();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(received);
			}
			catch (IOException ex) {
				// the server reset the connection
			}
			return new RawResponse(received.toString(StandardCharsets.UTF_8), start.length,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	/**
	 * @param text the answer as received
	 * @param bytesSent how much of the body the server let the client send
	 * @param millisToAnswer when the first byte of the answer came
	 */
	public record RawResponse(String text, long bytesSent, long millisToAnswer) {

		public int status() {
			Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(this.text);
			return status.find() ? Integer.parseInt(status.group(1)) : -1;
		}

	}

}
