package no.dfo.kundesenter.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresEnvironmentPostProcessorTests {

	private final EmbeddedPostgresEnvironmentPostProcessor processor = new EmbeddedPostgresEnvironmentPostProcessor();

	@Test
	void theProdProfileNeverGetsAnEmbeddedDatabase() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void aConfiguredDatabaseIsLeftAlone() {
		var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/portal");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/portal");
		assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
	}

	@Test
	void withoutADatabaseARealPostgresIsStarted() {
		var environment = new MockEnvironment().withProperty(EmbeddedPostgresEnvironmentPostProcessor.DATA_DIRECTORY,
				"");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://localhost:");
	}

}
