package no.dfo.kundesenter.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The append-only record of who opened, downloaded or changed what, and when. Joins the
 * caller's transaction when there is one, so a change and its audit line are kept or lost
 * together.
 */
public interface AuditTrail {

	/**
	 * Records that a person did something.
	 * @param who the signed-in person, must not be {@literal null}
	 * @param action what they did
	 * @param caseId the case it concerned, or {@literal null}
	 * @param detail ids and codes that make the line useful (for example
	 * {@code "attachment=42"}); never case content such as a subject or message text; at
	 * most 500 characters
	 */
	void record(PortalUser who, AuditAction action, @Nullable Long caseId, String detail);

	/**
	 * Records that the person with the given id did something; for modules that know
	 * people only by id.
	 * @see #record(PortalUser, AuditAction, Long, String)
	 */
	void record(long actorId, AuditAction action, @Nullable Long caseId, String detail);

	/**
	 * Records something the portal did on its own (a scheduled job), with no person
	 * behind it.
	 * @see #record(PortalUser, AuditAction, Long, String)
	 */
	void recordBySystem(AuditAction action, @Nullable Long caseId, String detail);

	/**
	 * What was recorded about one case, newest first (the latest 100 lines). The caller
	 * decides who may see it.
	 */
	List<AuditEntry> forCase(long caseId);

}
