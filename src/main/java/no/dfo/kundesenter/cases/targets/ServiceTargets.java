package no.dfo.kundesenter.cases.targets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * When a case's service-level targets fall due, from its status history: the clock runs
 * in working time while the case is Aktiv or Under behandling, and stands still while it
 * is Venter på kunde, Utsatt or Avsluttet. Computed whenever the case changes and stored
 * on it, so the queue sorts by a column.
 */
@Component
public class ServiceTargets {

	private final ServiceTargetSettings settings;

	private final WorkingTime time;

	ServiceTargets(ServiceTargetSettings settings) {
		this.settings = settings;
		this.time = WorkingTime.norwegian(settings.workingHours());
	}

	public ServiceTargetSettings.Target target(Category category) {
		return this.settings.of(category);
	}

	/**
	 * The due times of a case.
	 * @param history its status changes in order, the first being its opening
	 * @param firstAnsweredAt when the centre first answered in public, {@literal null} if
	 * not yet
	 */
	public Dues dues(Category category, List<Change> history, @Nullable Instant firstAnsweredAt) {
		if (history.isEmpty()) {
			throw new IllegalArgumentException("A case has at least its opening in its history");
		}
		ServiceTargetSettings.Target target = this.settings.of(category);
		Duration resolution = this.time.day().multipliedBy(target.resolutionDays());
		Change last = history.get(history.size() - 1);
		Instant closedAt = (last.status() == CaseStatus.CLOSED) ? last.at() : null;
		// Closing without a word is the answer the customer gets.
		Instant answeredAt = (firstAnsweredAt != null) ? firstAnsweredAt : closedAt;
		Instant firstAnswerDue = (answeredAt != null) ? due(history, target.firstAnswer(), answeredAt, true)
				: due(history, target.firstAnswer(), last.at(), false);
		Instant resolutionDue = (closedAt != null) ? due(history, resolution, closedAt, true)
				: due(history, resolution, last.at(), false);
		Instant next = null;
		if (closedAt == null) {
			next = (answeredAt == null) ? earliest(firstAnswerDue, resolutionDue) : resolutionDue;
		}
		return new Dues(firstAnswerDue, resolutionDue, next, closedAt);
	}

	/**
	 * The working time from {@code now} until {@code due}, negative when it is overdue.
	 */
	public TimeLeft left(Instant due, Instant now) {
		boolean overdue = !due.isAfter(now);
		Duration working = overdue ? this.time.between(due, now) : this.time.between(now, due);
		long minutes = working.toMinutes();
		long perDay = this.time.day().toMinutes();
		return new TimeLeft(overdue, minutes / perDay, (int) (minutes % perDay / 60), (int) (minutes % 60));
	}

	public WorkingTime workingTime() {
		return this.time;
	}

	/**
	 * When the working time since the opening reaches {@code target}, counting only the
	 * time the case ran until {@code until}; after that as if it runs on when
	 * {@code runsOn}, or when its status at {@code until} runs. {@literal null} when it
	 * stands still at {@code until}.
	 */
	private @Nullable Instant due(List<Change> history, Duration target, Instant until, boolean runsOn) {
		Duration counted = Duration.ZERO;
		CaseStatus statusAtUntil = history.get(0).status();
		for (int i = 0; i < history.size(); i++) {
			Change change = history.get(i);
			if (change.at().isAfter(until)) {
				break;
			}
			statusAtUntil = change.status();
			Instant to = (i + 1 < history.size()) ? history.get(i + 1).at() : until;
			if (to.isAfter(until)) {
				to = until;
			}
			if (runs(change.status())) {
				Duration ran = this.time.between(change.at(), to);
				if (counted.plus(ran).compareTo(target) >= 0) {
					return this.time.plus(change.at(), target.minus(counted));
				}
				counted = counted.plus(ran);
			}
		}
		if (!runsOn && !runs(statusAtUntil)) {
			return null;
		}
		return this.time.plus(until, target.minus(counted));
	}

	private static boolean runs(CaseStatus status) {
		return status.isOpen() && !status.pausesServiceTargets();
	}

	private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return a.isBefore(b) ? a : b;
	}

	/** A status the case moved to, and when. */
	public record Change(Instant at, CaseStatus status) {
	}

	/**
	 * @param firstAnswerDue when the first answer is due; once answered, the due time it
	 * was answered against; {@literal null} while the clock stands still
	 * @param resolutionDue when the case is due to be closed; once closed, the due time
	 * it was closed against; {@literal null} while the clock stands still
	 * @param next the earliest target still open, which the queue sorts by;
	 * {@literal null} while the clock stands still and once closed
	 * @param closedAt when the case was closed, {@literal null} while it is open
	 */
	public record Dues(@Nullable Instant firstAnswerDue, @Nullable Instant resolutionDue, @Nullable Instant next,
			@Nullable Instant closedAt) {
	}

	/**
	 * Working time left until a due time, or past it: whole working days, hours and
	 * minutes.
	 */
	public record TimeLeft(boolean overdue, long days, int hours, int minutes) {

		/** The message key's last part: which units are shown. */
		public String unit() {
			if (this.days > 0) {
				return "days";
			}
			if (this.hours > 0) {
				return "hours";
			}
			return (this.overdue && this.minutes == 0) ? "now" : "minutes";
		}

	}

}
