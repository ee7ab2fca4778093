package no.dfo.kundesenter.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.AccessViews.AccessRequestView;
import no.dfo.kundesenter.access.internal.AccessViews.OrganizationView;
import no.dfo.kundesenter.access.internal.AccessViews.RoleChangeView;
import no.dfo.kundesenter.access.internal.AccessViews.UserRolesView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ordering access (Bestille tilgang) and the administrator's decisions: requests, grants
 * and revocations. Every grant and revocation is kept in {@code role_change} (who, when,
 * why) and in the audit trail, and every decision is a security event.
 */
@Service
@Transactional(readOnly = true)
public class AccessRequests {

	private static final String REQUEST_COLUMNS = """
			select r.id, r.user_id, u.full_name, u.username, o.id, o.org_number, o.name, r.role, r.reason, r.status,
			       r.created_at, d.full_name, r.decided_at, r.decision_comment
			from access_request r
			join app_user u on u.id = r.user_id
			join organization o on o.id = r.organization_id
			left join app_user d on d.id = r.decided_by
			""";

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final AccessSettings settings;

	private final SecurityLog securityLog;

	AccessRequests(JdbcTemplate jdbc, AuditTrail audit, AccessSettings settings, SecurityLog securityLog) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.securityLog = securityLog;
	}

	public Optional<OrganizationView> organization(String orgNumber) {
		return this.jdbc
			.query("select id, org_number, name from organization where org_number = ?", this::toOrganization,
					orgNumber)
			.stream()
			.findFirst();
	}

	public List<OrganizationView> organizations() {
		return this.jdbc.query("select id, org_number, name from organization order by name", this::toOrganization);
	}

	/**
	 * Whether the role belongs to the given agency: centre roles only at the centre,
	 * agency roles only at agencies.
	 */
	public boolean fits(Role role, OrganizationView organization) {
		boolean centre = organization.orgNumber().equals(this.settings.centreOrgNumber());
		boolean centreRole = role.isCaseworker() || role == Role.ADMINISTRATOR;
		return centre == centreRole;
	}

	public boolean hasPendingRequest(PortalUser who, long organizationId, Role role) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from access_request
				               where user_id = ? and organization_id = ? and role = ? and status = 'PENDING')""",
				Boolean.class, who.id(), organizationId, role.name()));
	}

	/**
	 * Files a request for an administrator to decide. The caller has checked the form.
	 * @return the request's id
	 */
	@Transactional
	public long request(PortalUser who, OrganizationView organization, Role role, String reason) {
		Long id = this.jdbc.queryForObject("""
				insert into access_request (user_id, organization_id, role, reason) values (?, ?, ?, ?)
				returning id""", Long.class, who.id(), organization.id(), role.name(), reason);
		this.audit.record(who, AuditAction.ACCESS_REQUESTED, null,
				"request=" + id + " organization=" + organization.orgNumber() + " role=" + role);
		return id;
	}

	public List<AccessRequestView> requestsOf(PortalUser who) {
		return this.jdbc.query(REQUEST_COLUMNS + " where r.user_id = ? order by r.created_at desc, r.id desc",
				this::toRequest, who.id());
	}

	public List<AccessRequestView> pending() {
		return this.jdbc.query(REQUEST_COLUMNS + " where r.status = 'PENDING' order by r.created_at, r.id",
				this::toRequest);
	}

	/**
	 * Approves a pending request and grants the role at once. A person belongs to one
	 * agency: one without roles moves to the requested agency; one with roles elsewhere
	 * must lose those first.
	 * @throws AccessRuleException if the request is decided already, is the
	 * administrator's own, or the person holds roles at another agency or a role the
	 * requested one may not be combined with ({@link Role#combinesWith})
	 */
	@Transactional
	public void approve(PortalUser admin, long requestId, String comment) {
		AccessRequestView request = pendingForUpdate(requestId);
		requireSomeoneElse(admin, request);
		Long currentOrganization = this.jdbc.queryForObject(
				"select organization_id from app_user where id = ? for update", Long.class, request.userId());
		List<Role> held = this.jdbc.query("select role from user_role where user_id = ?",
				(rs, n) -> Role.valueOf(rs.getString(1)), request.userId());
		if (!held.isEmpty() && currentOrganization != request.organization().id()) {
			throw new AccessRuleException("access.decision.otherOrganization");
		}
		if (held.stream().anyMatch((role) -> !role.combinesWith(request.role()))) {
			throw new AccessRuleException("access.decision.separation");
		}
		this.jdbc.update("update app_user set organization_id = ? where id = ?", request.organization().id(),
				request.userId());
		this.jdbc.update("insert into user_role (user_id, role) values (?, ?) on conflict do nothing", request.userId(),
				request.role().name());
		decide(admin, request, "APPROVED", comment);
		String reason = comment.isBlank() ? request.reason() : comment;
		this.jdbc.update("""
				insert into role_change (user_id, organization_id, role, change, changed_by, reason, request_id)
				values (?, ?, ?, 'GRANTED', ?, ?, ?)""", request.userId(), request.organization().id(),
				request.role().name(), admin.id(), reason, requestId);
		String detail = detail(request);
		this.audit.record(admin, AuditAction.ACCESS_REQUEST_APPROVED, null, detail);
		this.audit.record(admin, AuditAction.ROLE_GRANTED, null, detail);
		this.securityLog.roleGranted(admin.id(), request.userId(), request.role(), requestId);
	}

	/**
	 * Rejects a pending request; the comment tells the person why.
	 * @throws AccessRuleException if the request is decided already or is the
	 * administrator's own
	 */
	@Transactional
	public void reject(PortalUser admin, long requestId, String comment) {
		AccessRequestView request = pendingForUpdate(requestId);
		requireSomeoneElse(admin, request);
		decide(admin, request, "REJECTED", comment);
		this.audit.record(admin, AuditAction.ACCESS_REQUEST_REJECTED, null, detail(request));
		this.securityLog.accessRequestRejected(admin.id(), request.userId(), request.role(), requestId);
	}

	/**
	 * Takes a role away; it stops working on the person's next request.
	 * @throws AccessRuleException if the person does not hold it, or an administrator
	 * would remove their own administrator role
	 */
	@Transactional
	public void revoke(PortalUser admin, long userId, Role role, String reason) {
		if (userId == admin.id() && role == Role.ADMINISTRATOR) {
			throw new AccessRuleException("access.revoke.self");
		}
		List<Long> organization = this.jdbc.query("select organization_id from app_user where id = ? for update",
				(rs, n) -> rs.getLong(1), userId);
		if (organization.isEmpty()
				|| this.jdbc.update("delete from user_role where user_id = ? and role = ?", userId, role.name()) == 0) {
			throw new AccessRuleException("access.revoke.notHeld");
		}
		this.jdbc.update("""
				insert into role_change (user_id, organization_id, role, change, changed_by, reason)
				values (?, ?, ?, 'REVOKED', ?, ?)""", userId, organization.get(0), role.name(), admin.id(), reason);
		this.audit.record(admin, AuditAction.ROLE_REVOKED, null, "user=" + userId + " role=" + role);
		this.securityLog.roleRevoked(admin.id(), userId, role);
	}

	/**
	 * Adds an agency that the portal serves, so that its people can ask for access.
	 * @throws AccessRuleException if an organization with the number exists already
	 */
	@Transactional
	public OrganizationView addAgency(PortalUser admin, String orgNumber, String name) {
		List<OrganizationView> added = this.jdbc.query("""
				insert into organization (org_number, name) values (?, ?)
				on conflict (org_number) do nothing
				returning id, org_number, name""", this::toOrganization, orgNumber, name);
		if (added.isEmpty()) {
			throw new AccessRuleException("access.agency.exists");
		}
		this.audit.record(admin, AuditAction.AGENCY_ADDED, null, "org=" + orgNumber);
		return added.get(0);
	}

	/**
	 * The people of one agency who hold or held a role there, with their roles now.
	 */
	public List<UserRolesView> usersOf(long organizationId) {
		return this.jdbc.query("""
				select u.id, u.username, u.full_name, coalesce(string_agg(r.role, ',' order by r.role), '')
				from app_user u left join user_role r on r.user_id = u.id
				where u.organization_id = ?
				group by u.id order by u.full_name, u.id""",
				(rs, n) -> new UserRolesView(rs.getLong(1), rs.getString(2), rs.getString(3), roles(rs.getString(4))),
				organizationId);
	}

	/**
	 * Grants and revocations at one agency, newest first.
	 */
	public List<RoleChangeView> changesAt(long organizationId) {
		return this.jdbc.query("""
				select u.full_name, c.role, c.change, b.full_name, c.changed_at, c.reason
				from role_change c join app_user u on u.id = c.user_id join app_user b on b.id = c.changed_by
				where c.organization_id = ? order by c.changed_at desc, c.id desc limit 100""",
				(rs, n) -> new RoleChangeView(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)),
				organizationId);
	}

	private AccessRequestView pendingForUpdate(long requestId) {
		List<String> status = this.jdbc.query("select status from access_request where id = ? for update",
				(rs, n) -> rs.getString(1), requestId);
		if (status.isEmpty() || !status.get(0).equals("PENDING")) {
			throw new AccessRuleException("access.decision.notPending");
		}
		return this.jdbc.query(REQUEST_COLUMNS + " where r.id = ?", this::toRequest, requestId).get(0);
	}

	/** Nobody decides on their own access. */
	private static void requireSomeoneElse(PortalUser admin, AccessRequestView request) {
		if (request.userId() == admin.id()) {
			throw new AccessRuleException("access.decision.self");
		}
	}

	private void decide(PortalUser admin, AccessRequestView request, String status, String comment) {
		this.jdbc.update("""
				update access_request set status = ?, decided_by = ?, decided_at = now(), decision_comment = ?
				where id = ?""", status, admin.id(), comment.isBlank() ? null : comment, request.id());
	}

	private static String detail(AccessRequestView request) {
		return "request=" + request.id() + " user=" + request.userId() + " organization="
				+ request.organization().orgNumber() + " role=" + request.role();
	}

	private OrganizationView toOrganization(ResultSet rs, int n) throws SQLException {
		return new OrganizationView(rs.getLong(1), rs.getString(2), rs.getString(3));
	}

	private AccessRequestView toRequest(ResultSet rs, int n) throws SQLException {
		var decidedAt = rs.getTimestamp(13);
		return new AccessRequestView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				new OrganizationView(rs.getLong(5), rs.getString(6), rs.getString(7)), Role.valueOf(rs.getString(8)),
				rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
				(decidedAt != null) ? decidedAt.toInstant() : null, rs.getString(14));
	}

	private static List<Role> roles(String names) {
		List<Role> roles = new ArrayList<>();
		Arrays.stream(names.split(",")).filter((s) -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

}
