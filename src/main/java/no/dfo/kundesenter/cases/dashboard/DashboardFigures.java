package no.dfo.kundesenter.cases.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The centre's figures for some categories at one moment: counts only, never case
 * content.
 *
 * @param asOf when they were counted
 * @param openByStatus open cases per status (every status but closed, zeros included)
 * @param weeks the Mondays of the last weeks, oldest first, the current week last
 * @param newPerWeek cases registered per week, in the order of {@code weeks}
 * @param closedPerWeek cases closed per week
 * @param firstAnswerMedian per week, the median hours from registration to the centre's
 * first public message, for the cases registered that week; {@literal null} if none was
 * answered
 * @param firstAnswer90 the same, 90th percentile
 * @param backlogAges open cases per age bucket, in the order of {@link AgeBucket}
 * @param byChannel cases registered in the weeks shown, per channel
 * @param topAgencies the agencies with most open cases, most first
 */
record DashboardFigures(Instant asOf, Map<CaseStatus, Long> openByStatus, List<LocalDate> weeks, List<Long> newPerWeek,
		List<Long> closedPerWeek, List<@Nullable Double> firstAnswerMedian, List<@Nullable Double> firstAnswer90,
		Map<AgeBucket, Long> backlogAges, Map<Channel, Long> byChannel, List<AgencyCount> topAgencies) {

	/** How long an open case has been open. */
	enum AgeBucket {

		UNDER_1_DAY(0, 1), DAYS_1_TO_3(1, 3), DAYS_3_TO_7(3, 7), DAYS_7_TO_30(7, 30), OVER_30_DAYS(30, null);

		final int fromDays;

		final @Nullable Integer toDays;

		AgeBucket(int fromDays, @Nullable Integer toDays) {
			this.fromDays = fromDays;
			this.toDays = toDays;
		}

	}

	/** An agency's name and how many open cases it has. */
	record AgencyCount(String name, long open) {
	}

}
