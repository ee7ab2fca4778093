package no.dfo.kundesenter.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DemoProfileGuardTests {

	private static final String DEMO_KEY = "ZGVtby1rZXktZm9yLWt1bmRlc2VudGVyLWRlbW8tMDE=";

	private final DemoProfileGuard guard = new DemoProfileGuard();

	private UnsafeConfigurationException refused(MockEnvironment environment) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(UnsafeConfigurationException.class,
				() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void theDemoAloneStarts() {
		var environment = new MockEnvironment().withProperty("portal.demo.database-directory", "data/postgres")
			.withProperty("portal.attachments.encryption.keys.demo", DEMO_KEY);
		environment.setActiveProfiles("demo");
		assertThatNoException()
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void theDemoCombinedWithAnotherProfileIsRefused() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("demo", "prod");
		assertThat(refused(environment)).hasMessageContaining("together with prod")
			.hasMessageContaining("known passwords");
	}

	@Test
	void aDemoSettingWithoutTheDemoIsRefusedByName() {
		var environment = new MockEnvironment().withProperty("portal.demo.database-directory", "/var/lib/portal");
		environment.setActiveProfiles("prod");
		assertThat(refused(environment)).hasMessageContaining("portal.demo.database-directory");
	}

	@Test
	void aDemoSettingFromTheEnvironmentIsRefusedToo() {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("PORTAL_DEMO_DATABASEDIRECTORY", "/tmp/x")));
		assertThatExceptionOfType(UnsafeConfigurationException.class)
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("portal.demo.databasedirectory");
	}

	@Test
	void theDemosPublicKeyIsRefusedUnderAnyIdOutsideTheDemo() {
		var environment = new MockEnvironment().withProperty("portal.attachments.encryption.keys.k1", DEMO_KEY)
			.withProperty("portal.attachments.encryption.current-key", "k1");
		assertThat(refused(environment)).hasMessageContaining("portal.attachments.encryption.keys.k1")
			.hasMessageContaining("public key");
	}

	@Test
	void passwordLoginCannotBeSwitchedOnOutsideTheDemo() {
		var environment = new MockEnvironment().withProperty("portal.security.demo-login", "true");
		assertThat(refused(environment)).hasMessageContaining("portal.security.demo-login");
	}

	@Test
	void theDemoDataCannotBeAddedOutsideTheDemo() {
		var environment = new MockEnvironment().withProperty("spring.flyway.locations",
				"classpath:db/migration,classpath:db/demo");
		assertThat(refused(environment)).hasMessageContaining("the demo data");
	}

	@Test
	void aRealInstallationWithItsOwnKeyStarts() {
		var environment = new MockEnvironment().withProperty("portal.attachments.encryption.keys.k1",
				"c2VjcmV0LWtleS1vZi1hLXJlYWwtaW5zdGFsbC0wMDE=");
		environment.getPropertySources().addLast(new MapPropertySource("other", Map.of("spring.datasource.url", "x")));
		assertThatNoException()
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void aRefusalIsReportedAsWhatIsWrongAndWhatToDo() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("demo", "prod");
		FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer().analyze(refused(environment));
		assertThat(analysis.getDescription()).contains("together with prod");
		assertThat(analysis.getAction()).contains("./mvnw spring-boot:run");
	}

}
