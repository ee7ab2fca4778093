package no.dfo.kundesenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the jar as it ships, on one PostgreSQL, behind a real HAProxy that
 * balances every request round-robin without stickiness (the set-up of
 * {@code bench/nodes.sh}, docs/operations/nodes-and-faults.md): a person signed in
 * through one node goes on through the other, since the session is in the database; a
 * caseworker's reply gives one notice mail, though both nodes look for due notices; and
 * when one node is stopped, the person goes on, still signed in, through the other.
 * Skipped where HAProxy is not installed ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	private static final Path JAR = Path.of(System.getProperty("portal.jar", "target/kundesenter-0.1.0-SNAPSHOT.jar"));

	private static final String KARI_ADDRESS = "kari.nordmann@testetaten.no";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	private static final Pattern CASE_LOCATION = Pattern.compile(".*/saker/(\\d+)$");

	private static Path work;

	private static GreenMail smtp;

	private static final Map<String, Node> nodes = new LinkedHashMap<>();

	private static Process haproxy;

	private static int balancer;

	private static Browser kari;

	private static final Optional<Path> HAPROXY = onPath("haproxy");

	@BeforeAll
	static void startTwoNodesBehindHaproxy() throws Exception {
		if (HAPROXY.isEmpty()) {
			return;
		}
		work = Files.createTempDirectory("two-nodes");
		int smtpPort = freePort();
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Map<String, Object> database = TestDatabases.fresh();
		for (String name : List.of("node-a", "node-b")) {
			nodes.put(name, new Node(name, freePort(), freePort()));
		}
		// node-a migrates the fresh database; node-b starts once the demo data is in, for
		// before that its check (DemoDataGuard) would take the half-migrated database for
		// one set up without the demo. The rest of their start-ups overlap.
		nodes.get("node-a").start(database, smtpPort);
		awaitDemoData(database, nodes.get("node-a"));
		nodes.get("node-b").start(database, smtpPort);
		CompletableFuture
			.allOf(nodes.values()
				.stream()
				.map((node) -> CompletableFuture.runAsync(node::awaitReady))
				.toArray(CompletableFuture[]::new))
			.join();
		balancer = freePort();
		haproxy = startHaproxy(HAPROXY.get());
		awaitBothNodesInTheBalancer();
	}

	/** Each test skipped, saying why, where HAProxy is not installed. */
	@BeforeEach
	void haproxyIsInstalled() {
		assumeTrue(HAPROXY.isPresent(), "haproxy is not installed (apt-get install haproxy): TwoNodesIT is skipped");
	}

	@AfterAll
	static void stopEverything() throws InterruptedException {
		List<Process> started = new ArrayList<>();
		for (Node node : nodes.values()) {
			if (node.process != null) {
				started.add(node.process);
			}
		}
		if (haproxy != null) {
			started.add(haproxy);
		}
		started.forEach(Process::destroy);
		for (Process process : started) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (work != null) {
			System.out.println("TwoNodesIT: the nodes' and HAProxy's logs are in " + work);
		}
	}

	@Test
	@Order(1)
	void aPersonSignedInThroughTheBalancerIsSignedInOnBothNodes() throws Exception {
		kari = new Browser();
		List<String> signIn = kari.signIn("kari");
		List<String> servedBy = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			HttpResponse<String> page = kari.get("/saker");
			servedBy.add(node(page));
			assertSignedInAsKari(page);
		}
		assertThat(servedBy).as("the sign-in went through %s, then the list through %s", signIn, servedBy)
			.contains("node-a", "node-b");
		System.out.println("Sign-in page and sign-in served by " + signIn + ", then kari's list by " + servedBy);
	}

	@Test
	@Order(2)
	void aCaseworkersReplyGivesTheReporterExactlyOneNoticeMail() throws Exception {
		if (kari == null) {
			kari = new Browser();
			kari.signIn("kari");
		}
		kari.get("/saker/ny");
		HttpResponse<String> registered = kari.postMultipart("/saker", Map.of("category", "PAYROLL", "voucher", "nei",
				"subject", "Feil i lønnen for november", "message", "Overtiden mangler i lønnen for november."));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
		Matcher location = CASE_LOCATION.matcher(registered.headers().firstValue("Location").orElse(""));
		assertThat(location.matches()).as(registered.headers().map().toString()).isTrue();
		long caseId = Long.parseLong(location.group(1));

		Browser siri = new Browser();
		siri.signIn("siri");
		HttpResponse<String> casePage = siri.get("/saker/" + caseId);
		assertThat(casePage.statusCode()).isEqualTo(200);
		Matcher version = VERSION.matcher(casePage.body());
		assertThat(version.find()).as("the reply form has the case's version").isTrue();
		String text = "Overtiden kommer med i neste lønnskjøring. " + UUID.randomUUID();
		HttpResponse<String> reply = siri.postMultipart("/saker/" + caseId + "/meldinger",
				Map.of("version", version.group(1), "visibility", "offentlig", "body", text, "action", "send"));
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(302);
		assertThat(reply.headers().firstValue("Location")).hasValueSatisfying((l) -> l.contains("/saker/" + caseId));
		assertThat(kari.get("/saker/" + caseId).body()).as("kari sees the reply").contains(text);

		Instant deadline = Instant.now().plusSeconds(30);
		while (noticesAbout(caseId).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		// A second mail, if one were coming, would come within a few polls (every 500
		// ms).
		Thread.sleep(3000);
		List<MimeMessage> notices = noticesAbout(caseId);
		assertThat(notices).as("notices about case %d (reply taken by %s; %s)", caseId, node(reply), nodeLogTails())
			.hasSize(1);
		assertThat(notices.get(0).getAllRecipients()).extracting(Object::toString).containsExactly(KARI_ADDRESS);
		System.out.println("Case " + caseId + " registered on " + node(registered) + ", the reply taken by "
				+ node(reply) + ": " + notices.size() + " notice mail");
	}

	@Test
	@Order(3)
	void whenOneNodeStopsThePersonGoesOnSignedInThroughTheOther() throws Exception {
		if (kari == null) {
			kari = new Browser();
			kari.signIn("kari");
		}
		Node stopped = nodes.get("node-b");
		stopped.process.destroy();
		List<String> servedBy = new ArrayList<>();
		Instant deadline = Instant.now().plusSeconds(40);
		// On through the balancer while node-b shuts down, and after it has gone.
		while (stopped.process.isAlive()) {
			assertThat(Instant.now()).as("node-b stops within the shutdown timeout").isBefore(deadline);
			HttpResponse<String> page = kari.get("/saker");
			servedBy.add(node(page));
			assertSignedInAsKari(page);
		}
		assertThat(read(stopped.log)).contains("Graceful shutdown complete");
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> page = kari.get("/saker");
			servedBy.add(node(page));
			assertSignedInAsKari(page);
			assertThat(node(page)).isEqualTo("node-a");
		}
		System.out.println("While and after node-b stopped, kari's list served by: " + servedBy);
	}

	private static void assertSignedInAsKari(HttpResponse<String> page) {
		assertThat(page.statusCode()).as("served by %s", node(page)).isEqualTo(200);
		assertThat(page.body()).as("served by %s", node(page))
			.contains("<strong>Kari Nordmann</strong>", "action=\"/logout\"")
			.doesNotContain("name=\"password\"");
	}

	private static void awaitDemoData(Map<String, Object> database, Node migrating) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			assertThat(migrating.process.isAlive()).as(() -> migrating.name + " runs: " + read(migrating.log)).isTrue();
			assertThat(Instant.now()).as("the demo data migrated by %s", migrating.name).isBefore(deadline);
			try (Connection connection = DriverManager.getConnection((String) database.get("spring.datasource.url"),
					(String) database.get("spring.datasource.username"),
					(String) database.get("spring.datasource.password"));
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"select count(*) from flyway_schema_history where script = 'R__demo_data.sql' and success")) {
				if (rows.next() && rows.getLong(1) > 0) {
					return;
				}
			}
			catch (SQLException ex) {
				// no history table yet
			}
			Thread.sleep(250);
		}
	}

	private static List<MimeMessage> noticesAbout(long caseId) throws MessagingException {
		Pattern notice = Pattern.compile("<kundesenter\\.notice\\.\\d+\\.case\\." + caseId + "@.*>");
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getMessageID() != null && notice.matcher(mail.getMessageID()).matches()) {
				found.add(mail);
			}
		}
		return found;
	}

	private static String node(HttpResponse<?> response) {
		return response.headers().firstValue("X-Served-By").orElse("?");
	}

	private static Process startHaproxy(Path program) throws IOException {
		StringBuilder servers = new StringBuilder();
		for (Node node : nodes.values()) {
			servers
				.append("    server %s 127.0.0.1:%d check port %d%n".formatted(node.name, node.port, node.management));
		}
		// As bench/nodes-lib.sh: round-robin, no stickiness; a GET retried on another
		// node
		// on every retryable error, any other method only when it could not be sent at
		// all.
		String config = """
				global
				    maxconn 256

				defaults
				    mode http
				    log stdout format raw local0
				    option httplog
				    timeout connect 2s
				    timeout client 60s
				    timeout server 60s
				    timeout http-request 30s
				    option forwardfor
				    retries 3
				    option redispatch 1

				frontend portal
				    bind 127.0.0.1:%d
				    http-response set-header X-Served-By %%[srv_name]
				    acl safe method GET HEAD
				    use_backend reads if safe
				    default_backend writes

				backend reads
				    balance roundrobin
				    retry-on all-retryable-errors
				    option httpchk
				    http-check send meth GET uri /actuator/health/readiness
				    default-server inter 1s fall 2 rise 2
				%s
				backend writes
				    balance roundrobin
				    retry-on conn-failure
				    option httpchk
				    http-check send meth GET uri /actuator/health/readiness
				    default-server inter 1s fall 2 rise 2
				%s
				""".formatted(balancer, servers, servers);
		Path file = work.resolve("haproxy.cfg");
		Files.writeString(file, config);
		return new ProcessBuilder(program.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
			.redirectOutput(work.resolve("haproxy.log").toFile())
			.start();
	}

	/** Until the balancer has sent a request to each node. */
	private static void awaitBothNodesInTheBalancer() throws Exception {
		HttpClient client = client();
		Instant deadline = Instant.now().plusSeconds(30);
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (seen.size() < nodes.size()) {
			assertThat(haproxy.isAlive()).as(() -> "haproxy runs: " + read(work.resolve("haproxy.log"))).isTrue();
			assertThat(Instant.now()).as(() -> "both nodes in the balancer, seen " + seen).isBefore(deadline);
			try {
				HttpResponse<String> login = client.send(request("/login").build(),
						HttpResponse.BodyHandlers.ofString());
				if (login.statusCode() == 200) {
					seen.add(node(login));
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + path))
			.timeout(Duration.ofSeconds(30));
	}

	private static String nodeLogTails() {
		StringBuilder tails = new StringBuilder();
		for (Node node : nodes.values()) {
			String log = read(node.log);
			tails.append("\n--- ")
				.append(node.name)
				.append(" ---\n")
				.append(log.substring(Math.max(0, log.length() - 3000)));
		}
		return tails.toString();
	}

	private static Optional<Path> onPath(String program) {
		// Debian puts haproxy in /usr/sbin, which is not on every user's PATH.
		return Stream
			.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
					Stream.of("/usr/sbin", "/usr/local/sbin"))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, program))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * One portal node: the jar with the demo profile's sign-in, on the shared database.
	 */
	private static final class Node {

		final String name;

		final int port;

		final int management;

		final Path log;

		Process process;

		Node(String name, int port, int management) {
			this.name = name;
			this.port = port;
			this.management = management;
			this.log = work.resolve(name + ".log");
		}

		void start(Map<String, Object> database, int smtpPort) throws IOException {
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString())
				.redirectErrorStream(true)
				.redirectOutput(this.log.toFile());
			builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PORTAL_"));
			Map<String, String> environment = new HashMap<>();
			environment.put("SPRING_PROFILES_ACTIVE", "demo");
			environment.put("SPRING_DATASOURCE_URL", (String) database.get("spring.datasource.url"));
			environment.put("SPRING_DATASOURCE_USERNAME", (String) database.get("spring.datasource.username"));
			environment.put("SPRING_DATASOURCE_PASSWORD", (String) database.get("spring.datasource.password"));
			environment.put("SPRING_MAIL_HOST", "127.0.0.1");
			environment.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
			environment.put("SERVER_PORT", String.valueOf(this.port));
			environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(this.management));
			environment.put("PORTAL_NODENAME", this.name);
			// Notices a second after the reply, each node looking for due ones twice a
			// second; on SIGTERM the node goes on answering while the balancer takes it
			// out.
			environment.put("PORTAL_NOTIFICATIONS_BATCHWINDOW", "1s");
			environment.put("PORTAL_NOTIFICATIONS_POLLINTERVAL", "500ms");
			environment.put("PORTAL_WEB_SHUTDOWNDELAY", "3s");
			builder.environment().putAll(environment);
			this.process = builder.start();
		}

		void awaitReady() {
			HttpClient client = client();
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (Instant.now().isBefore(deadline)) {
				assertThat(this.process.isAlive()).as(() -> this.name + " runs: " + read(this.log)).isTrue();
				try {
					HttpResponse<String> readiness = client.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + this.management + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
			String log = read(this.log);
			throw new AssertionError(this.name + " did not start: " + log.substring(Math.max(0, log.length() - 4000)));
		}

	}

	/**
	 * A person's browser through the balancer: the session cookie and the CSRF token of
	 * the last page. Each request may go to either node.
	 */
	private static final class Browser {

		private final HttpClient client = client();

		private String session;

		private String csrf;

		/** Signs in; returns the nodes that served the sign-in page and the sign-in. */
		List<String> signIn(String username) throws Exception {
			HttpResponse<String> page = get("/login");
			assertThat(page.statusCode()).isEqualTo(200);
			HttpResponse<String> signedIn = send(
					request("/login").header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
								+ URLEncoder.encode(this.csrf, StandardCharsets.UTF_8))));
			assertThat(signedIn.statusCode()).as("sign-in of %s: %s", username, signedIn.body()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).doesNotContain("error").doesNotEndWith("/login"));
			return List.of(node(page), node(signedIn));
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(request(path).GET());
		}

		/**
		 * A form as the page sends it: multipart, with the CSRF token in the action's
		 * query string.
		 */
		HttpResponse<String> postMultipart(String path, Map<String, String> fields) throws Exception {
			String boundary = "----twonodes" + UUID.randomUUID().toString().replace("-", "");
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (Map.Entry<String, String> field : fields.entrySet()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(request(path + "?_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			if (this.session != null) {
				request.header("Cookie", "SESSION=" + this.session);
			}
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				if (cookie.startsWith("SESSION=")) {
					String value = cookie.substring("SESSION=".length()).split(";", 2)[0];
					this.session = value.isEmpty() ? null : value;
				}
			}
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}

	}

}
