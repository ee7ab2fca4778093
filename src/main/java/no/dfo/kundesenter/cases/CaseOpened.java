package no.dfo.kundesenter.cases;

import java.util.List;
import java.util.UUID;

/**
 * A case was registered, from any channel, with its first message and the files that came
 * with it. Published by the one registration path inside the registering transaction, so
 * a synchronous listener that fails would roll the registration back; listeners that only
 * need the outcome listen after the commit.
 *
 * @param caseId the new case
 * @param messageId its first message
 * @param organizationId the agency the case belongs to
 * @param reporterId the person the case is for
 * @param registeredBy who registered it (the reporter, or a caseworker for phone cases)
 * @param attachmentIds the files attached to the first message; may be empty
 */
public record CaseOpened(long caseId, long messageId, long organizationId, long reporterId, long registeredBy,
		Category category, Channel channel, List<UUID> attachmentIds) {

	public CaseOpened {
		attachmentIds = List.copyOf(attachmentIds);
	}

}
