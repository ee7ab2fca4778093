package no.dfo.kundesenter;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at the tests' PostgreSQL ({@link TestDatabases}): the shared
 * database, or with {@code test.database=fresh} an empty one of its own.
 */
class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DATABASE = "test.database";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean fresh = "fresh".equals(environment.getProperty(DATABASE));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", fresh ? TestDatabases.fresh() : TestDatabases.shared()));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
