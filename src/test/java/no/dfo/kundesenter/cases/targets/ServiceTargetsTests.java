package no.dfo.kundesenter.cases.targets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.targets.ServiceTargets.Change;
import no.dfo.kundesenter.cases.targets.ServiceTargets.Dues;
import no.dfo.kundesenter.cases.targets.ServiceTargets.TimeLeft;
import org.junit.jupiter.api.Test;

import static no.dfo.kundesenter.cases.targets.WorkingTimeTests.OSLO;
import static no.dfo.kundesenter.cases.targets.WorkingTimeTests.oslo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due times from a case's status history: 16 working hours to the first answer, 5 working
 * days to the closing, the clock standing still while the case waits for the customer or
 * is postponed.
 */
class ServiceTargetsTests {

	static final ServiceTargetSettings.Target TARGET = new ServiceTargetSettings.Target(Duration.ofHours(16),
			Period.ofDays(5));

	final ServiceTargets targets = new ServiceTargets(
			new ServiceTargetSettings(TARGET, TARGET, new ServiceTargetSettings.WorkingHours(LocalTime.of(8, 0),
					LocalTime.of(16, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), OSLO)));

	@Test
	void aNewCaseIsDueInSixteenWorkingHoursAndFiveWorkingDays() {
		Dues dues = this.targets.dues(Category.PAYROLL,
				List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE)), null);

		assertThat(dues.firstAnswerDue()).isEqualTo(oslo("2026-12-01T16:00"));
		assertThat(dues.resolutionDue()).isEqualTo(oslo("2026-12-04T16:00"));
		assertThat(dues.next()).isEqualTo(dues.firstAnswerDue());
		assertThat(dues.closedAt()).isNull();
	}

	@Test
	void timeWaitingForTheCustomerDoesNotCount() {
		List<Change> waited = List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE),
				new Change(oslo("2026-11-30T12:00"), CaseStatus.WAITING_FOR_CUSTOMER),
				new Change(oslo("2026-12-02T12:00"), CaseStatus.ACTIVE));

		Dues dues = this.targets.dues(Category.PAYROLL, waited, null);

		// 4 hours on Monday, then 12 from Wednesday noon instead of Tuesday's.
		assertThat(dues.firstAnswerDue()).isEqualTo(oslo("2026-12-03T16:00"));
		assertThat(dues.resolutionDue()).isEqualTo(oslo("2026-12-08T16:00"));
	}

	@Test
	void whileWaitingForTheCustomerOrPostponedNothingIsDue() {
		for (CaseStatus paused : List.of(CaseStatus.WAITING_FOR_CUSTOMER, CaseStatus.POSTPONED)) {
			Dues dues = this.targets.dues(Category.PAYROLL,
					List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE),
							new Change(oslo("2026-11-30T12:00"), paused)),
					null);

			assertThat(dues.firstAnswerDue()).as("%s", paused).isNull();
			assertThat(dues.resolutionDue()).isNull();
			assertThat(dues.next()).isNull();
		}
	}

	@Test
	void anAnsweredCaseKeepsItsFirstAnswerDueAndIsNextDueToBeClosed() {
		List<Change> history = List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE),
				new Change(oslo("2026-11-30T09:00"), CaseStatus.IN_PROGRESS));

		Dues dues = this.targets.dues(Category.PAYROLL, history, oslo("2026-11-30T10:00"));

		assertThat(dues.firstAnswerDue()).isEqualTo(oslo("2026-12-01T16:00"));
		assertThat(dues.next()).isEqualTo(oslo("2026-12-04T16:00"));
	}

	@Test
	void aClosedCaseKeepsTheDueTimesItWasClosedAgainstAndIsNoLongerDue() {
		List<Change> history = List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE),
				new Change(oslo("2026-12-10T10:00"), CaseStatus.CLOSED));

		Dues dues = this.targets.dues(Category.PAYROLL, history, null);

		assertThat(dues.closedAt()).isEqualTo(oslo("2026-12-10T10:00"));
		assertThat(dues.resolutionDue()).isEqualTo(oslo("2026-12-04T16:00"));
		assertThat(dues.firstAnswerDue()).isEqualTo(oslo("2026-12-01T16:00"));
		assertThat(dues.next()).isNull();
	}

	@Test
	void aReopenedCaseRunsOnFromWhereItStood() {
		List<Change> history = List.of(new Change(oslo("2026-11-30T08:00"), CaseStatus.ACTIVE),
				new Change(oslo("2026-11-30T16:00"), CaseStatus.CLOSED),
				new Change(oslo("2026-12-07T08:00"), CaseStatus.ACTIVE));

		Dues dues = this.targets.dues(Category.PAYROLL, history, oslo("2026-11-30T09:00"));

		assertThat(dues.closedAt()).isNull();
		assertThat(dues.next()).isEqualTo(oslo("2026-12-10T16:00"));
	}

	@Test
	void timeLeftAndOverdueAreCountedInWorkingTime() {
		assertThat(this.targets.left(oslo("2026-12-01T12:30"), oslo("2026-12-01T10:00")))
			.isEqualTo(new TimeLeft(false, 0, 2, 30));
		assertThat(this.targets.left(oslo("2026-12-04T15:00"), oslo("2026-12-07T09:30")))
			.isEqualTo(new TimeLeft(true, 0, 2, 30));
		assertThat(this.targets.left(oslo("2026-11-30T13:00"), oslo("2026-12-01T16:00")))
			.isEqualTo(new TimeLeft(true, 1, 3, 0));
		assertThat(this.targets.left(oslo("2026-12-01T16:00"), oslo("2026-12-01T20:00")).unit()).isEqualTo("now");
	}

}
