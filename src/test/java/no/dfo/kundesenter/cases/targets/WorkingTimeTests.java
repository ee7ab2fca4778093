package no.dfo.kundesenter.cases.targets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Working time by Norwegian business hours (08:00 to 16:00, Monday to Friday,
 * Europe/Oslo) and public holidays.
 */
class WorkingTimeTests {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	static final WorkingTime TIME = WorkingTime.norwegian(new ServiceTargetSettings.WorkingHours(LocalTime.of(8, 0),
			LocalTime.of(16, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), OSLO));

	static Instant oslo(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
	}

	@Test
	void aFridayAfternoonRunsOnOnMondayMorning() {
		assertThat(TIME.plus(oslo("2026-12-04T15:00"), Duration.ofHours(2))).isEqualTo(oslo("2026-12-07T09:00"));
		assertThat(TIME.between(oslo("2026-12-04T15:00"), oslo("2026-12-07T09:00"))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aWeekendCountsNothing() {
		assertThat(TIME.between(oslo("2026-12-04T16:00"), oslo("2026-12-07T08:00"))).isZero();
	}

	@Test
	void anEveningCountsNothingAndTimeAddedThenStartsNextMorning() {
		assertThat(TIME.between(oslo("2026-12-01T17:00"), oslo("2026-12-02T07:00"))).isZero();
		assertThat(TIME.plus(oslo("2026-12-01T18:00"), Duration.ofMinutes(30))).isEqualTo(oslo("2026-12-02T08:30"));
		assertThat(TIME.plus(oslo("2026-12-01T06:00"), Duration.ofHours(8))).isEqualTo(oslo("2026-12-01T16:00"));
	}

	@Test
	void easter2027FromSkjaertorsdagToAndrePaaskedagIsOff() {
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-03-24"))).isTrue();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-03-25"))).as("skjærtorsdag").isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-03-26"))).as("langfredag").isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-03-29"))).as("2. påskedag").isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-03-30"))).isTrue();
		assertThat(TIME.plus(oslo("2027-03-24T15:00"), Duration.ofHours(2))).isEqualTo(oslo("2027-03-30T09:00"));
		assertThat(TIME.between(oslo("2027-03-24T08:00"), oslo("2027-03-31T08:00"))).isEqualTo(Duration.ofHours(16));
	}

	@Test
	void theOtherMovingHolidaysOf2027AreOff() {
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-05-06"))).as("Kristi himmelfartsdag").isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2026-05-25"))).as("2. pinsedag 2026").isFalse();
	}

	@Test
	void theSeventeenthOfMayAndTheFixedHolidaysAreOff() {
		assertThat(TIME.plus(oslo("2027-05-14T15:30"), Duration.ofHours(1))).as("17 May 2027 is a Monday")
			.isEqualTo(oslo("2027-05-18T08:30"));
		assertThat(TIME.isWorkingDay(LocalDate.parse("2026-05-01"))).isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2026-12-28"))).isTrue();
		assertThat(TIME.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
		assertThat(TIME.plus(oslo("2026-12-24T15:00"), Duration.ofHours(2))).as("over Christmas")
			.isEqualTo(oslo("2026-12-28T09:00"));
	}

	@Test
	void onlyAPositiveWorkingTimeCanBeAdded() {
		assertThatIllegalArgumentException().isThrownBy(() -> TIME.plus(oslo("2026-12-01T10:00"), Duration.ZERO));
	}

}
