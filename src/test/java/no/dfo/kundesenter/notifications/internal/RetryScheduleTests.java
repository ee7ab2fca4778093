package no.dfo.kundesenter.notifications.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private final RetrySchedule schedule = new RetrySchedule(
			new NotificationSettings("a@b.no", "http://x", Duration.ZERO, Duration.ofSeconds(1), false,
					Duration.ofSeconds(30), Duration.ofMinutes(3), 6, Duration.ofMinutes(5)));

	@Test
	void theWaitDoublesUpToItsLimitAndStopsAfterTheLastAttempt() {
		assertThat(this.schedule.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.schedule.waitAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.schedule.waitAfter(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.schedule.waitAfter(4)).isEqualTo(Duration.ofSeconds(180));
		assertThat(this.schedule.waitAfter(5)).isEqualTo(Duration.ofSeconds(180));
		assertThat(this.schedule.waitAfter(6)).isNull();
	}

	@Test
	void addressesAreLoggedByDomainOnly() {
		assertThat(NoticeSender.masked("kari.nordmann@testetaten.no")).isEqualTo("***@testetaten.no");
		assertThat(NoticeSender.masked("ikke-en-adresse")).doesNotContain("ikke");
	}

}
