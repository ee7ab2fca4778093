package no.dfo.kundesenter.cases;

import java.util.Optional;

/**
 * Facts about a case that other modules need without seeing the case itself, such as who
 * is told when the centre answers. Not guarded by the access policy: never show what it
 * returns to a person without checking {@link CaseAccess} first.
 */
public interface CaseDirectory {

	/**
	 * The id of the person the case is for (the reporter), if the case exists.
	 */
	Optional<Long> reporterOf(long caseId);

}
