package no.dfo.kundesenter.access;

/**
 * How often one person may register cases and upload files. The counts are kept in the
 * database, so a limit holds whichever node a request reaches. Sign-in attempts are
 * limited inside the security setup and need no call.
 */
public interface RateLimits {

	/**
	 * Counts one case registration by the person.
	 * @param personId the registering person's id
	 * @throws RateLimitExceededException if the person has registered as many cases as
	 * the limit allows lately; nothing is counted then
	 */
	void countCaseRegistration(long personId);

	/**
	 * Counts files the person is about to store.
	 * @param personId the uploading person's id
	 * @param files how many files, at least one
	 * @param bytes their sizes together
	 * @throws RateLimitExceededException if the person has uploaded as many files or
	 * bytes as the limits allow lately; nothing is counted then
	 */
	void countUpload(long personId, int files, long bytes);

	/**
	 * Counts one request of an agency's system to the API.
	 * @param organizationId the agency's id
	 * @throws RateLimitExceededException if the agency has made as many API requests as
	 * the limit allows lately; nothing is counted then
	 */
	void countApiRequest(long organizationId);

}
