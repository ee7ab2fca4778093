package no.dfo.kundesenter.access.internal;

import java.time.Instant;
import java.util.List;

import no.dfo.kundesenter.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * Read models for the access pages. Times are in Norwegian local time.
 */
public final class AccessViews {

	private AccessViews() {
	}

	public record OrganizationView(long id, String orgNumber, String name) {
	}

	public record AccessRequestView(long id, long userId, String userName, String username,
			OrganizationView organization, Role role, String reason, String status, Instant createdAt,
			@Nullable String decidedByName, @Nullable Instant decidedAt, @Nullable String decisionComment) {

		public boolean isPending() {
			return "PENDING".equals(this.status);
		}

	}

	public record UserRolesView(long id, String username, String fullName, List<Role> roles) {
	}

	public record RoleChangeView(String userName, Role role, String change, String changedByName, Instant changedAt,
			String reason) {
	}

}
