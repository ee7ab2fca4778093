package no.dfo.kundesenter.cases.listing;

import java.time.Duration;
import java.time.Instant;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseListRowTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void aCaseWaitsFromTheCustomersLastMessage() {
		assertThat(row(NOW.minus(Duration.ofHours(74))).waitedAt(NOW)).isEqualTo(Duration.ofHours(74));
	}

	@Test
	void aCaseNotWaitingOrWaitingFromLaterHasWaitedNothing() {
		assertThat(row(null).waitedAt(NOW)).isZero();
		assertThat(row(NOW.plusSeconds(60)).waitedAt(NOW)).isZero();
	}

	private static CaseListRow row(@Nullable Instant waitingSince) {
		return new CaseListRow(1, "Emne", Category.PAYROLL, CaseStatus.ACTIVE, Channel.WEB, "Testetaten",
				"Kari Nordmann", NOW, NOW, null, waitingSince, null, null);
	}

}
