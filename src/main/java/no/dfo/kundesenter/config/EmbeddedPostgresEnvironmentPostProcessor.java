package no.dfo.kundesenter.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * When no database is configured and the {@code prod} profile is not active, starts an
 * embedded PostgreSQL and points {@code spring.datasource.*} at it, so the portal runs on
 * a machine with nothing but a JDK. Data is kept in
 * {@code portal.embedded-postgres.data-directory} (default {@code data/postgres}); an
 * empty value gives a throw-away database.
 */
class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIRECTORY = "portal.embedded-postgres.data-directory";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean configured = !environment.getProperty("spring.datasource.url", "").isBlank();
		boolean enabled = environment.getProperty("portal.embedded-postgres.enabled", Boolean.class, true);
		if (configured || !enabled || environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
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
