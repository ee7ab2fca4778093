package no.dfo.kundesenter.cases;

import java.util.List;

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
	 * Whether the case exists, the viewer may see it, and its internal notes too (and
	 * whatever else only the centre sees of it): caseworkers of its category only.
	 */
	boolean seesInternalNotes(long caseId, PortalUser viewer);

	/**
	 * The categories whose cases the person works on as caseworker; empty for everyone
	 * else.
	 */
	List<Category> categoriesWorkedOnBy(PortalUser viewer);

	/**
	 * Whether the person works on cases of the category as caseworker.
	 */
	default boolean worksOn(PortalUser viewer, Category category) {
		return categoriesWorkedOnBy(viewer).contains(category);
	}

}
