package no.dfo.kundesenter.cases;

/**
 * The case changed since the version the writer saw: nothing was written.
 */
public class CaseVersionMismatchException extends RuntimeException {

	private final long caseId;

	public CaseVersionMismatchException(long caseId) {
		super("Case " + caseId + " changed since the version given");
		this.caseId = caseId;
	}

	public long caseId() {
		return this.caseId;
	}

}
