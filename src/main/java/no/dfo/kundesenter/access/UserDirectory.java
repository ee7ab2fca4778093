package no.dfo.kundesenter.access;

import java.util.Collection;
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
	 * Returns the names of the given agencies; unknown ids are left out.
	 * @param organizationIds must not be {@literal null}
	 */
	Map<Long, String> organizationNames(Collection<Long> organizationIds);

	/**
	 * Returns the name of the agency with the given id.
	 */
	Optional<String> organizationName(long organizationId);

}
