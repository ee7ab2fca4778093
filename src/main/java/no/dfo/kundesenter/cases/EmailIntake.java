package no.dfo.kundesenter.cases;

import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.access.PortalUser;

/**
 * Cases and messages that came by e-mail, for the module that reads the centre's
 * mailboxes. The sender is known by then: an agency-side person. Files are the sender's
 * drafts, already checked by the attachments module.
 */
public interface EmailIntake {

	/** The longest subject a case keeps. */
	int MAX_SUBJECT_LENGTH = 200;

	/** The longest message a case keeps. */
	int MAX_MESSAGE_LENGTH = 20_000;

	/**
	 * Registers the mail as a new case of the sender, channel {@link Channel#EMAIL}.
	 * @return the new case's id
	 */
	long registerCase(PortalUser sender, Category category, String subject, String message, List<UUID> draftIds);

	/**
	 * Adds the mail as the sender's message on a case they see, with the status rules of
	 * the web (Avsluttet or Venter på kunde become Aktiv).
	 * @return the new message's id
	 * @throws CaseNotFoundException if the sender may not see the case
	 */
	long postReply(long caseId, PortalUser sender, String message, List<UUID> draftIds);

}
