package no.dfo.kundesenter.cases;

import no.dfo.kundesenter.access.PortalUser;

/**
 * The access policy for other modules: whether a person may see a case. Anything that
 * belongs to a case (attachments, notices) is visible exactly when its case is.
 */
public interface CaseAccess {

	/**
	 * Whether the case exists and the viewer may see it.
	 */
	boolean isVisible(long caseId, PortalUser viewer);

	/**
	 * Whether the viewer may see internal notes (caseworkers only).
	 */
	boolean seesInternalNotes(PortalUser viewer);

}
