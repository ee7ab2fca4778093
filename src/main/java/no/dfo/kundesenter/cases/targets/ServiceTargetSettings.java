package no.dfo.kundesenter.cases.targets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;

import no.dfo.kundesenter.cases.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-level targets per category, in working time
 * ({@code portal.cases.service-targets.*}): the first answer within so many working
 * hours, the case closed within so many working days. Refused at start when a target is
 * not more than zero.
 */
@ConfigurationProperties("portal.cases.service-targets")
public record ServiceTargetSettings(@DefaultValue Target payroll, @DefaultValue Target accounting,
		@DefaultValue WorkingHours workingHours) {

	private static final String PREFIX = "portal.cases.service-targets.";

	public ServiceTargetSettings {
		payroll.check(PREFIX + "payroll");
		accounting.check(PREFIX + "accounting");
	}

	public Target of(Category category) {
		return switch (category) {
			case PAYROLL -> this.payroll;
			case ACCOUNTING -> this.accounting;
		};
	}

	/**
	 * @param firstAnswer working hours until the centre's first public answer
	 * ({@code 16h} or {@code PT16H})
	 * @param resolution working days until the case is closed ({@code 5d} or {@code P5D})
	 */
	public record Target(@DefaultValue("16h") Duration firstAnswer, @DefaultValue("5d") Period resolution) {

		void check(String prefix) {
			if (this.firstAnswer.isNegative() || this.firstAnswer.isZero()) {
				throw new IllegalArgumentException(
						prefix + ".first-answer must be more than zero working hours, not " + this.firstAnswer);
			}
			if (this.resolution.getDays() <= 0 || this.resolution.toTotalMonths() != 0) {
				throw new IllegalArgumentException(
						prefix + ".resolution must be a number of working days more than zero, not " + this.resolution);
			}
		}

		/** Whole working days. */
		public int resolutionDays() {
			return this.resolution.getDays();
		}

	}

	/**
	 * Business hours: from {@code start} to {@code end} on {@code days} in {@code zone};
	 * Norway's public holidays are off.
	 */
	public record WorkingHours(@DefaultValue("08:00") LocalTime start, @DefaultValue("16:00") LocalTime end,
			@DefaultValue( {
					"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> days,
			@DefaultValue("Europe/Oslo") ZoneId zone){

		public WorkingHours {
			if (!start.isBefore(end)) {
				throw new IllegalArgumentException(
						PREFIX + "working-hours.end (" + end + ") must be after working-hours.start (" + start + ")");
			}
			if (days.isEmpty()) {
				throw new IllegalArgumentException(PREFIX + "working-hours.days must name at least one day");
			}
		}

	}

}
