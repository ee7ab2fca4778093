package no.dfo.kundesenter.cases;

/**
 * A case moved from one status to another, by a caseworker or because the customer wrote
 * on a closed or waiting case. Published inside the changing transaction.
 *
 * @param caseId the case
 * @param from the status before
 * @param to the status after, never equal to {@code from}
 * @param changedBy who made the change
 */
public record CaseStatusChanged(long caseId, CaseStatus from, CaseStatus to, long changedBy) {

}
