package no.dfo.kundesenter.notifications.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import no.dfo.kundesenter.notifications.FailedNotice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice table. Times are the database's, so several nodes agree on what is due.
 */
@Repository
class Notices {

	private final JdbcTemplate jdbc;

	Notices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds what happened to the case's pending notice, or starts one that is due when the
	 * batch window has passed. Adding a kind twice changes nothing, so a republished
	 * event does no harm while its notice waits.
	 */
	void schedule(long caseId, long recipientId, NoticeKind kind, Duration batchWindow) {
		this.jdbc.update("""
				insert into notice (case_id, recipient_id, kinds, status, created_at, next_attempt_at)
				values (?, ?, array[?], 'PENDING', now(), now() + ? * interval '1 millisecond')
				on conflict (case_id) where status = 'PENDING'
				do update set kinds = array(select distinct k from unnest(notice.kinds || excluded.kinds) k)
				""", caseId, recipientId, kind.name(), batchWindow.toMillis());
	}

	/**
	 * Claims due notices for this node: they turn SENDING and count an attempt. A node
	 * that dies while sending leaves them to be claimed again after the claim timeout.
	 */
	List<Notice> claimDue(int limit, Duration claimTimeout) {
		return this.jdbc.query("""
				update notice set status = 'SENDING', attempts = attempts + 1,
				    next_attempt_at = now() + ? * interval '1 millisecond'
				where id in (select id from notice
				             where status in ('PENDING', 'SENDING') and next_attempt_at <= now()
				             order by next_attempt_at limit ? for update skip locked)
				returning id, case_id, recipient_id, kinds, attempts
				""", Notices::notice, claimTimeout.toMillis(), limit);
	}

	void markSent(long id) {
		this.jdbc.update("update notice set status = 'SENT', sent_at = now() where id = ? and status = 'SENDING'", id);
	}

	void markFailed(long id, Failure failure) {
		this.jdbc.update(
				"update notice set status = 'FAILED', failed_at = now(), failure = ? where id = ? and status = 'SENDING'",
				failure.name(), id);
	}

	/**
	 * Puts a notice back to wait for its next attempt. If the case got a new pending
	 * notice meanwhile, this one's kinds join it instead, keeping one mail per case.
	 */
	@Transactional
	void retryLater(long id, Duration wait) {
		int joined = this.jdbc.update("""
				update notice p set kinds = array(select distinct k from unnest(p.kinds || n.kinds) k),
				    next_attempt_at = least(p.next_attempt_at, now() + ? * interval '1 millisecond')
				from notice n
				where n.id = ? and n.status = 'SENDING' and p.case_id = n.case_id and p.status = 'PENDING'
				""", wait.toMillis(), id);
		if (joined > 0) {
			this.jdbc.update("delete from notice where id = ?", id);
			return;
		}
		this.jdbc.update("""
				update notice set status = 'PENDING', next_attempt_at = now() + ? * interval '1 millisecond'
				where id = ? and status = 'SENDING'
				""", wait.toMillis(), id);
	}

	List<FailedNotice> failuresOf(long caseId) {
		return this.jdbc.query("""
				select failed_at, failure, attempts from notice
				where case_id = ? and status = 'FAILED' order by failed_at desc, id desc
				""", (rs, row) -> new FailedNotice(rs.getTimestamp("failed_at").toInstant(), rs.getString("failure"),
				rs.getInt("attempts")), caseId);
	}

	/**
	 * Notices not sent yet, whether waiting for their batch window or for another
	 * attempt.
	 */
	long backlog() {
		Long n = this.jdbc.queryForObject("select count(*) from notice where status in ('PENDING', 'SENDING')",
				Long.class);
		return (n != null) ? n : 0;
	}

	/** Notices given up on. */
	long failed() {
		Long n = this.jdbc.queryForObject("select count(*) from notice where status = 'FAILED'", Long.class);
		return (n != null) ? n : 0;
	}

	/** Notices not sent yet, the first to go out first. */
	List<WaitingNotice> waiting(int limit) {
		return this.jdbc.query("""
				select n.case_id, n.kinds, n.next_attempt_at, u.full_name from notice n
				join app_user u on u.id = n.recipient_id
				where n.status in ('PENDING', 'SENDING') order by n.next_attempt_at, n.id limit ?
				""", (rs, n) -> new WaitingNotice(rs.getLong(1), kinds(rs).stream().map(Enum::name).toList(),
				rs.getTimestamp(3).toInstant(), rs.getString(4)), limit);
	}

	private static Set<NoticeKind> kinds(ResultSet rs) throws SQLException {
		Array kinds = rs.getArray("kinds");
		Set<NoticeKind> set = EnumSet.noneOf(NoticeKind.class);
		Arrays.stream((Object[]) kinds.getArray()).map((k) -> NoticeKind.valueOf((String) k)).forEach(set::add);
		return set;
	}

	private static Notice notice(ResultSet rs, int row) throws SQLException {
		return new Notice(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("recipient_id"), kinds(rs),
				rs.getInt("attempts"));
	}

	/**
	 * A claimed notice.
	 *
	 * @param attempts including the one about to be made
	 */
	record Notice(long id, long caseId, long recipientId, Set<NoticeKind> kinds, int attempts) {

		Notice {
			kinds = Set.copyOf(kinds);
		}

	}

	/** Why a notice was given up on. */
	enum Failure {

		/** The address is not an e-mail address. */
		INVALID_ADDRESS,

		/** The mail server refused the address or the mail for good (5xx). */
		REJECTED,

		/** The person has no address, or no longer has access. */
		NO_ADDRESS,

		/** The mail server could not be reached, attempt after attempt. */
		GAVE_UP

	}

}
