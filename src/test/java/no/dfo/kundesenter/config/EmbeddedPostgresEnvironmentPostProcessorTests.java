package no.dfo.kundesenter.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresEnvironmentPostProcessorTests {

	private final EmbeddedPostgresEnvironmentPostProcessor processor = new EmbeddedPostgresEnvironmentPostProcessor();

	@Test
	void withoutTheDemoProfileAndWithoutADatabaseThePortalRefusesToStartAndSaysWhatToSet() {
		var environment = new MockEnvironment();
		assertThatExceptionOfType(UnsafeConfigurationException.class)
			.isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessage("No database is configured.")
			.satisfies((ex) -> assertThat(ex.action()).contains("SPRING_DATASOURCE_URL", "./mvnw spring-boot:run"));
		assertThat(environment.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void aConfiguredDatabaseIsLeftAlone() {
		var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/portal");
		environment.setActiveProfiles(DemoProfile.NAME);
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/portal");
		assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
	}

	@Test
	void theDemoWithoutADatabaseGetsARealPostgres() {
		var environment = new MockEnvironment().withProperty(EmbeddedPostgresEnvironmentPostProcessor.DATA_DIRECTORY,
				"");
		environment.setActiveProfiles(DemoProfile.NAME);
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://localhost:");
	}

}
