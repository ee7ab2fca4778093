package no.dfo.kundesenter.access.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a person with their agency and roles in one query: cheap enough to run on every
 * request, so a granted or revoked role counts from the next request on.
 */
@Component
class PortalUsers {

	private final JdbcTemplate jdbc;

	PortalUsers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person as they are now, or empty when they no longer exist or may not sign in.
	 */
	Optional<PortalUser> current(long userId) {
		List<PortalUser> found = this.jdbc.query("""
				select u.id, u.username, u.full_name, o.id, o.name,
				       coalesce(string_agg(r.role, ',' order by r.role), '')
				from app_user u
				join organization o on o.id = u.organization_id
				left join user_role r on r.user_id = u.id
				where u.id = ? and u.enabled
				group by u.id, o.id""", (rs, n) -> new PortalUser(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getLong(4), rs.getString(5), roles(rs.getString(6))), userId);
		return found.stream().findFirst();
	}

	/**
	 * The id of the person with exactly this user name, enabled or not.
	 */
	Optional<Long> idOf(String username) {
		return this.jdbc.query("select id from app_user where username = ?", (rs, n) -> rs.getLong(1), username)
			.stream()
			.findFirst();
	}

	private static Set<Role> roles(String names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names.split(",")) {
			if (!name.isEmpty()) {
				roles.add(Role.valueOf(name));
			}
		}
		return roles;
	}

}
