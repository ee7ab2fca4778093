package no.dfo.kundesenter.access;

import java.util.Optional;
import java.util.Set;

/**
 * Agencies whose own systems use the JSON API. An administrator enables an agency; its
 * systems then act as its system account, which sees what a fagbruker of the agency in
 * both categories sees.
 */
public interface ApiAgencies {

	/** What the system account of an agency may do: fagbruker lønn and regnskap. */
	Set<Role> ROLES = Set.of(Role.PAYROLL_SPECIALIST, Role.ACCOUNTING_SPECIALIST);

	/**
	 * The system account of the agency with the given organization number, as the access
	 * policy sees it, if an administrator has enabled the agency for the API.
	 * @param orgNumber nine digits, must not be {@literal null}
	 */
	Optional<PortalUser> enabled(String orgNumber);

}
