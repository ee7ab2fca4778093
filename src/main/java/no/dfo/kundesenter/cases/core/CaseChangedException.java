package no.dfo.kundesenter.cases.core;

/**
 * Someone changed the case after the page the person acted on was shown: the action is
 * refused so nothing is overwritten, and the person decides again on the current state.
 */
public class CaseChangedException extends RuntimeException {

	private final long caseId;

	public CaseChangedException(long caseId) {
		super("Case " + caseId + " changed since the page was shown");
		this.caseId = caseId;
	}

	public long getCaseId() {
		return this.caseId;
	}

}
