package no.dfo.kundesenter.access;

/**
 * Security events that other modules see happen. They go to the security event log
 * (decision 62) by ids only; the access module records sign-ins, sign-outs, refusals and
 * grants itself.
 */
public interface SecurityEvents {

	/**
	 * Records that a person asked for a case, or something of a case, that does not exist
	 * or that they may not see. Each is a debug event; more than
	 * {@code portal.rate-limits.cases-not-found.count} of them from one person within its
	 * period are a warning, once a period, counted across nodes.
	 * @param personId the signed-in person's id
	 * @param caseId the case id they asked for, as given
	 */
	void caseNotFound(long personId, long caseId);

}
