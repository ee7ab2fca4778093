package no.dfo.kundesenter.cases;

import no.dfo.kundesenter.web.ResourceNotFoundException;

/**
 * The case does not exist, or the viewer may not see it: both look the same from outside.
 */
public class CaseNotFoundException extends ResourceNotFoundException {

	private final long caseId;

	public CaseNotFoundException(long id) {
		super("Case " + id + " not found");
		this.caseId = id;
	}

	/** The id asked for. */
	public long caseId() {
		return this.caseId;
	}

}
