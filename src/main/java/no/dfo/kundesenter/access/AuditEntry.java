package no.dfo.kundesenter.access;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail.
 *
 * @param actorId who did it
 * @param actorName that person's name
 * @param action what they did
 * @param caseId the case it concerned, if any
 * @param detail ids and codes only, never case content
 * @param occurredAt when
 */
public record AuditEntry(long id, long actorId, String actorName, AuditAction action, @Nullable Long caseId,
		String detail, Instant occurredAt) {

	/**
	 * When it happened, in Norwegian local time (for pages).
	 */
	public ZonedDateTime localTime() {
		return this.occurredAt.atZone(ZoneId.of("Europe/Oslo"));
	}

}
