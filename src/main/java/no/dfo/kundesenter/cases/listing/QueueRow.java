package no.dfo.kundesenter.cases.listing;

import java.time.Instant;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One row of the caseworker queue.
 */
public record QueueRow(long id, String subject, String organizationName, String reporterName, CaseStatus status,
		Channel channel, @Nullable String assigneeName, @Nullable Instant waitingSince, long waitingDays,
		long waitingHours) {
}
