package no.dfo.kundesenter.access.internal;

import java.util.List;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditEntry;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

	private static final int MAX_DETAIL = 500;

	private static final int MAX_ENTRIES = 100;

	private final JdbcTemplate jdbc;

	JdbcAuditTrail(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void record(PortalUser who, AuditAction action, @Nullable Long caseId, String detail) {
		insert(who.id(), action, caseId, detail);
	}

	@Override
	@Transactional
	public void record(long actorId, AuditAction action, @Nullable Long caseId, String detail) {
		insert(actorId, action, caseId, detail);
	}

	@Override
	@Transactional
	public void recordBySystem(AuditAction action, @Nullable Long caseId, String detail) {
		insert(null, action, caseId, detail);
	}

	private void insert(@Nullable Long actorId, AuditAction action, @Nullable Long caseId, String detail) {
		String trimmed = (detail.length() > MAX_DETAIL) ? detail.substring(0, MAX_DETAIL) : detail;
		this.jdbc.update("insert into audit_event (actor_id, action, case_id, detail) values (?, ?, ?, ?)", actorId,
				action.name(), caseId, trimmed);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> forCase(long caseId) {
		return this.jdbc.query("""
				select e.id, e.actor_id, u.full_name, e.action, e.case_id, e.detail, e.occurred_at
				from audit_event e left join app_user u on u.id = e.actor_id
				where e.case_id = ? order by e.occurred_at desc, e.id desc limit ?""",
				(rs, n) -> new AuditEntry(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
						AuditAction.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
						rs.getTimestamp(7).toInstant()),
				caseId, MAX_ENTRIES);
	}

}
