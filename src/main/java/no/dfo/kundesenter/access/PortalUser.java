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

	/**
	 * The request attribute that holds the signed-in person for the pages (the layout's
	 * header and menu), as the database knows them on this request.
	 */
	public static final String REQUEST_ATTRIBUTE = "currentUser";

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** Whether the person works for a client agency (innmelder or fagbruker). */
	public boolean hasAgencyRole() {
		return this.roles.stream().anyMatch(Role::isAgencyRole);
	}

	public boolean isAdministrator() {
		return this.roles.contains(Role.ADMINISTRATOR);
	}

	/**
	 * Whether the person works at the centre (as caseworker), as opposed to a client
	 * agency.
	 */
	public boolean isCaseworker() {
		return this.roles.stream().anyMatch(Role::isCaseworker);
	}

}
