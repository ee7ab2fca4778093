package no.dfo.kundesenter.cases.targets;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets as configured: defaults, and a target that is not more than zero refused at
 * start with a message naming the setting.
 */
class ServiceTargetSettingsTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServiceTargetSettings.class)
	static class Settings {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void withoutSettingsTheTargetsAreSixteenWorkingHoursAndFiveWorkingDaysInOsloBusinessHours() {
		this.runner.run((context) -> {
			ServiceTargetSettings settings = context.getBean(ServiceTargetSettings.class);
			assertThat(settings.payroll().firstAnswer()).isEqualTo(Duration.ofHours(16));
			assertThat(settings.accounting().resolutionDays()).isEqualTo(5);
			assertThat(settings.workingHours().start()).isEqualTo(LocalTime.of(8, 0));
			assertThat(settings.workingHours().end()).isEqualTo(LocalTime.of(16, 0));
			assertThat(settings.workingHours().days()).hasSize(5);
			assertThat(settings.workingHours().zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
		});
	}

	@Test
	void targetsAreReadInHoursAndDays() {
		this.runner
			.withPropertyValues("portal.cases.service-targets.payroll.first-answer=PT8H",
					"portal.cases.service-targets.payroll.resolution=P3D",
					"portal.cases.service-targets.accounting.first-answer=24h",
					"portal.cases.service-targets.accounting.resolution=10d")
			.run((context) -> {
				ServiceTargetSettings settings = context.getBean(ServiceTargetSettings.class);
				assertThat(settings.payroll().firstAnswer()).isEqualTo(Duration.ofHours(8));
				assertThat(settings.payroll().resolutionDays()).isEqualTo(3);
				assertThat(settings.accounting().firstAnswer()).isEqualTo(Duration.ofHours(24));
				assertThat(settings.accounting().resolutionDays()).isEqualTo(10);
			});
	}

	@Test
	void aZeroFirstAnswerTargetIsRefusedAtStart() {
		this.runner.withPropertyValues("portal.cases.service-targets.payroll.first-answer=0h")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("portal.cases.service-targets.payroll.first-answer must be more than zero"));
	}

	@Test
	void aNegativeResolutionTargetIsRefusedAtStart() {
		this.runner.withPropertyValues("portal.cases.service-targets.accounting.resolution=-2d")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"portal.cases.service-targets.accounting.resolution must be a number of working days"));
	}

	@Test
	void businessHoursThatEndBeforeTheyStartAreRefused() {
		this.runner
			.withPropertyValues("portal.cases.service-targets.working-hours.start=16:00",
					"portal.cases.service-targets.working-hours.end=08:00")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("working-hours.end (08:00) must be after working-hours.start (16:00)"));
	}

}
