package no.dfo.kundesenter.access;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail.
 *
 * @param actorId who did it; {@literal null} for the portal itself (a scheduled job)
 * @param actorName that person's name; {@literal null} for the portal itself
 * @param action what they did
 * @param caseId the case it concerned, if any
 * @param detail ids and codes only, never case content
 * @param occurredAt when
 */
public record AuditEntry(long id, @Nullable Long actorId, @Nullable String actorName, AuditAction action,
		@Nullable Long caseId, String detail, Instant occurredAt) {
}
