package no.dfo.kundesenter.cases;

import org.jspecify.annotations.Nullable;

/**
 * A case got a new caseworker, or none. Published inside the assigning transaction.
 *
 * @param caseId the case
 * @param assigneeId the caseworker now responsible; {@literal null} when unassigned
 * @param assignedBy who made the change
 */
public record CaseAssigned(long caseId, @Nullable Long assigneeId, long assignedBy) {

}
