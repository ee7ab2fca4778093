package no.dfo.kundesenter.access.internal;

import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.access.ApiAgencies;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code api_agency} table: which agencies may use the API, and their system
 * accounts. A system account is a person row without a password or identity that is
 * disabled, so it never signs in and gets no notices.
 */
@Service
public class JdbcApiAgencies implements ApiAgencies {

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final String centreOrgNumber;

	JdbcApiAgencies(JdbcTemplate jdbc, AuditTrail audit, AccessSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.centreOrgNumber = settings.centreOrgNumber();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PortalUser> enabled(String orgNumber) {
		List<PortalUser> found = this.jdbc.query("""
				select u.id, u.username, u.full_name, o.id, o.name
				from api_agency a join organization o on o.id = a.organization_id
				join app_user u on u.id = a.system_user_id
				where o.org_number = ? and a.enabled""", (rs, n) -> new PortalUser(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getLong(4), rs.getString(5), ROLES), orgNumber);
		return found.stream().findFirst();
	}

	/**
	 * Whether the agency's systems may use the API now.
	 */
	@Transactional(readOnly = true)
	public boolean isEnabled(long organizationId) {
		return Boolean.TRUE.equals(this.jdbc.query("select enabled from api_agency where organization_id = ?",
				(rs) -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, organizationId));
	}

	/**
	 * Lets the agency's systems use the API (or stops them), creating its system account
	 * the first time; recorded in the audit trail.
	 * @throws AccessRuleException if the organization is the centre or unknown
	 */
	@Transactional
	public void setEnabled(PortalUser admin, long organizationId, boolean enabled) {
		List<String[]> organization = this.jdbc.query("select org_number, name from organization where id = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, organizationId);
		if (organization.isEmpty() || organization.get(0)[0].equals(this.centreOrgNumber)) {
			throw new AccessRuleException("access.api.notAnAgency");
		}
		String orgNumber = organization.get(0)[0];
		String username = "api-" + orgNumber;
		this.jdbc.update("""
				insert into app_user (username, full_name, email, organization_id, enabled)
				values (?, ?, ?, ?, false) on conflict (username) do nothing""", username,
				organization.get(0)[1] + " (fagsystem)", username + "@system.invalid", organizationId);
		long systemUserId = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class,
				username);
		this.jdbc.update("""
				insert into api_agency (organization_id, system_user_id, enabled, changed_by) values (?, ?, ?, ?)
				on conflict (organization_id) do update set enabled = excluded.enabled, changed_at = now(),
				changed_by = excluded.changed_by""", organizationId, systemUserId, enabled, admin.id());
		this.audit.record(admin, enabled ? AuditAction.API_ENABLED : AuditAction.API_DISABLED, null,
				"organization=" + organizationId);
	}

}
