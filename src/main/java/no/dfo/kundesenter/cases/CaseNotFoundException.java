package no.dfo.kundesenter.cases;

import no.dfo.kundesenter.web.ResourceNotFoundException;

/**
 * The case does not exist, or the viewer may not see it: both look the same from outside.
 */
public class CaseNotFoundException extends ResourceNotFoundException {

	public CaseNotFoundException(long id) {
		super("Case " + id + " not found");
	}

}
