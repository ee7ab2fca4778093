package no.dfo.kundesenter.cases.targets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working time: business hours on working days in one time zone, public holidays off.
 * Holidays come from Jollyday's calendar for Norway (decision 0072).
 */
public final class WorkingTime {

	/** Farther than any case waits: a guard against a loop without end. */
	private static final int MAX_DAYS = 366 * 50;

	private final ZoneId zone;

	private final LocalTime start;

	private final LocalTime end;

	private final Set<DayOfWeek> days;

	private final Function<Integer, Set<LocalDate>> holidays;

	private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

	WorkingTime(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days,
			Function<Integer, Set<LocalDate>> holidays) {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("Business hours must end after they start");
		}
		this.zone = zone;
		this.start = start;
		this.end = end;
		this.days = EnumSet.copyOf(days);
		this.holidays = holidays;
	}

	/**
	 * Working time by the settings, with Norway's public holidays.
	 */
	public static WorkingTime norwegian(ServiceTargetSettings.WorkingHours hours) {
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
		return new WorkingTime(hours.zone(), hours.start(), hours.end(), hours.days(),
				(year) -> manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
					.stream()
					.map(Holiday::getDate)
					.collect(Collectors.toSet()));
	}

	/** The length of one working day. */
	public Duration day() {
		return Duration.between(this.start, this.end);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Whether people work on that day: a working day of the week and no public holiday.
	 */
	public boolean isWorkingDay(LocalDate date) {
		return this.days.contains(date.getDayOfWeek())
				&& !this.holidaysByYear.computeIfAbsent(date.getYear(), this.holidays).contains(date);
	}

	/**
	 * The working time from {@code from} to {@code to}; zero if {@code to} is not after
	 * {@code from}.
	 */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate date = LocalDate.ofInstant(from, this.zone);
		LocalDate last = LocalDate.ofInstant(to, this.zone);
		for (int i = 0; !date.isAfter(last) && i < MAX_DAYS; i++, date = date.plusDays(1)) {
			total = total.plus(overlap(date, from, to));
		}
		return total;
	}

	/**
	 * The moment {@code working} working time after {@code from}: within business hours,
	 * or at the end of a working day when that uses it up exactly.
	 * @param working more than zero
	 */
	public Instant plus(Instant from, Duration working) {
		if (working.isNegative() || working.isZero()) {
			throw new IllegalArgumentException("Only a positive working time can be added");
		}
		Duration left = working;
		LocalDate date = LocalDate.ofInstant(from, this.zone);
		for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			Instant opens = max(from, date.atTime(this.start).atZone(this.zone).toInstant());
			Instant closes = date.atTime(this.end).atZone(this.zone).toInstant();
			if (!opens.isBefore(closes)) {
				continue;
			}
			Duration available = Duration.between(opens, closes);
			if (left.compareTo(available) <= 0) {
				return opens.plus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalArgumentException("No working time within " + MAX_DAYS + " days of " + from);
	}

	private Duration overlap(LocalDate date, Instant from, Instant to) {
		if (!isWorkingDay(date)) {
			return Duration.ZERO;
		}
		Instant opens = max(from, date.atTime(this.start).atZone(this.zone).toInstant());
		Instant closes = min(to, date.atTime(this.end).atZone(this.zone).toInstant());
		return opens.isBefore(closes) ? Duration.between(opens, closes) : Duration.ZERO;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
