package no.dfo.kundesenter.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up people and agencies by id, for display.
 */
public interface UserDirectory {

	/**
	 * Returns the full names of the given users; unknown ids are left out.
	 * @param userIds must not be {@literal null}
	 */
	Map<Long, String> fullNames(Collection<Long> userIds);

	/**
	 * Returns the name of the agency with the given id.
	 */
	Optional<String> organizationName(long organizationId);

	/**
	 * The enabled people who hold the given role, by name; used to pick a caseworker of a
	 * category.
	 * @param role must not be {@literal null}
	 */
	List<Person> withRole(Role role);

	/**
	 * The enabled agency-side people (innmeldere and fagbrukere) of one agency whose name
	 * or e-mail contains the query, ignoring case, by name; at most {@code limit}.
	 * @param query must not be {@literal null}; blank finds everyone
	 */
	List<Person> searchAgencyPeople(long organizationId, String query, int limit);

	/**
	 * The enabled agency-side person with the given id.
	 */
	Optional<Person> agencyPerson(long userId);

	/**
	 * The e-mail address of the enabled person with the given id, where notices go.
	 */
	Optional<String> emailOf(long userId);

	/**
	 * The language the person last chose in the portal, which their notices are written
	 * in; bokmål when they never chose.
	 */
	Locale languageOf(long userId);

	/**
	 * The client agencies (those with agency-side people), by name.
	 */
	List<Agency> agencies();

	/**
	 * The enabled agency-side people whose e-mail address is the given one, ignoring
	 * case; more than one means the address does not tell who wrote.
	 */
	List<PortalUser> agencyPeopleWithEmail(String email);

	/**
	 * The enabled agency-side person with the given id, as the access policy sees them.
	 */
	Optional<PortalUser> agencyPortalUser(long userId);

}
