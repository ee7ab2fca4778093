package no.dfo.kundesenter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import no.dfo.kundesenter.config.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' real PostgreSQL: in a Testcontainers container when a Docker engine answers,
 * otherwise an embedded PostgreSQL; one server per test JVM. Most tests share one
 * database with the demo data; a test that needs an empty one (a start without the demo)
 * gets a fresh database on the same server.
 */
public final class TestDatabases {

	private static final AtomicInteger FRESH = new AtomicInteger();

	private static volatile Map<String, Object> shared;

	private TestDatabases() {
	}

	/** The shared database, as {@code spring.datasource.*} properties. */
	public static synchronized Map<String, Object> shared() {
		if (shared == null) {
			shared = dockerAvailable() ? container() : embedded();
		}
		return shared;
	}

	/** A new, empty database on the same server. */
	public static Map<String, Object> fresh() {
		Map<String, Object> server = shared();
		String url = (String) server.get("spring.datasource.url");
		String name = "fresh_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(url, (String) server.get("spring.datasource.username"),
				(String) server.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database", ex);
		}
		return Map.of("spring.datasource.url", withDatabase(url, name), "spring.datasource.username",
				server.get("spring.datasource.username"), "spring.datasource.password",
				server.get("spring.datasource.password"));
	}

	private static String withDatabase(String url, String name) {
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		String rest = (query < 0) ? "" : url.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Map<String, Object> embedded() {
		return Map.of("spring.datasource.url", EmbeddedPostgres.jdbcUrl(null), "spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres");
	}

	@SuppressWarnings("resource")
	private static Map<String, Object> container() {
		var postgres = new PostgreSQLContainer("postgres:17-alpine");
		postgres.start();
		return Map.of("spring.datasource.url", postgres.getJdbcUrl(), "spring.datasource.username",
				postgres.getUsername(), "spring.datasource.password", postgres.getPassword());
	}

}
