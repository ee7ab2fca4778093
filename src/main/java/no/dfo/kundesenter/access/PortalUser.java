package no.dfo.kundesenter.access;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person as other modules see them.
 *
 * @param id the user's id, never {@literal null}
 * @param username the login name
 * @param fullName the name shown to others
 * @param organizationId the agency (or the centre) the person works for
 * @param organizationName that agency's name
 * @param roles what the person may do; may be empty
 */
public record PortalUser(long id, String username, String fullName, long organizationId, String organizationName,
		Set<Role> roles) implements Serializable {

	public PortalUser {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the person works at the centre (as caseworker), as opposed to a client
	 * agency.
	 */
	public boolean isCaseworker() {
		return this.roles.stream().anyMatch(Role::isCaseworker);
	}

}
