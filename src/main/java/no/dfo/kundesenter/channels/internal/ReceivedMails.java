package no.dfo.kundesenter.channels.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.attachments.ContentSeal;
import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The table of mails read ({@code received_mail}), by mailbox, UIDVALIDITY and UID, and
 * by Message-ID. The original of a mail kept for a caseworker is stored sealed, as
 * attachments are.
 */
@Component
class ReceivedMails {

	private static final Logger log = LoggerFactory.getLogger(ReceivedMails.class);

	private static final String COLUMNS = "id, mailbox, message_id, from_address, subject, received_at, outcome, "
			+ "reason, case_id, handled_by, handled_at, rejection";

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), Category.valueOf(rs.getString(2)),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
			Outcome.valueOf(rs.getString(7)), rs.getString(8), (Long) rs.getObject(9), (Long) rs.getObject(10),
			(rs.getTimestamp(11) != null) ? rs.getTimestamp(11).toInstant() : null, rs.getString(12));

	private final JdbcTemplate jdbc;

	private final ContentSeal seal;

	ReceivedMails(JdbcTemplate jdbc, ContentSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	/** What became of the mail at this place in the mailbox, if it was read before. */
	Optional<Outcome> outcomeAt(Category mailbox, long uidValidity, long uid) {
		return this.jdbc
			.queryForList("select outcome from received_mail where mailbox = ? and uid_validity = ? and uid = ?",
					String.class, mailbox.name(), uidValidity, uid)
			.stream()
			.findFirst()
			.map(Outcome::valueOf);
	}

	boolean seenMessageId(Category mailbox, String messageId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from received_mail where mailbox = ? and message_id = ?)", Boolean.class,
				mailbox.name(), cut(messageId, 998)));
	}

	/** New cases from this person in the last hour. */
	int newCasesSince(long senderId, Instant since) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from received_mail where sender_id = ? and outcome = 'CASE' and received_at > ?",
				Integer.class, senderId, Timestamp.from(since));
		return (n != null) ? n : 0;
	}

	long record(Received mail) {
		Long id = this.jdbc.queryForObject("""
				insert into received_mail (mailbox, uid_validity, uid, message_id, from_address, subject, received_at,
				    outcome, reason, case_id, sender_id, raw)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, mail.mailbox().name(),
				mail.uidValidity(), mail.uid(), cut(mail.messageId(), 998), cut(mail.from(), 320),
				cut(mail.subject(), 200), Timestamp.from(mail.receivedAt()), mail.outcome().name(),
				cut(mail.reason(), 100), mail.caseId(), mail.senderId(),
				(mail.raw() != null) ? this.seal.seal(mail.raw()) : null);
		return (id != null) ? id : 0;
	}

	/** Mails waiting for a caseworker of one of the categories, oldest first. */
	List<Row> waiting(Collection<Category> categories, Outcome outcome) {
		if (categories.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(
				"select " + COLUMNS + " from received_mail where outcome = ? and mailbox = any (?) "
						+ "order by received_at, id limit 500",
				ROW, outcome.name(), categories.stream().map(Enum::name).toArray(String[]::new));
	}

	Optional<Row> find(long id) {
		return this.jdbc.query("select " + COLUMNS + " from received_mail where id = ?", ROW, id).stream().findFirst();
	}

	/** The original mail, if it is kept and can be opened. */
	Optional<byte[]> raw(long id) {
		return this.jdbc
			.query("select raw from received_mail where id = ? and raw is not null", (rs, n) -> rs.getBytes(1), id)
			.stream()
			.findFirst()
			.flatMap((sealed) -> {
				try {
					return Optional.of(this.seal.open(sealed));
				}
				catch (IllegalArgumentException ex) {
					log.warn("The original of received mail {} cannot be opened: {}", id, ex.getMessage());
					return Optional.empty();
				}
			});
	}

	boolean linked(long id, long caseId, long senderId, long caseworkerId) {
		return this.jdbc.update(
				"update received_mail set outcome = 'LINKED', case_id = ?, sender_id = ?, handled_by = ?, "
						+ "handled_at = now(), raw = null where id = ? and outcome = 'TRIAGE'",
				caseId, senderId, caseworkerId, id) > 0;
	}

	boolean rejected(long id, String reason, long caseworkerId) {
		return this.jdbc.update(
				"update received_mail set outcome = 'REJECTED', rejection = ?, handled_by = ?, "
						+ "handled_at = now() where id = ? and outcome in ('TRIAGE', 'QUARANTINE')",
				cut(reason, 500), caseworkerId, id) > 0;
	}

	private static @Nullable String cut(@Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		String clean = value.replace("\u0000", "");
		return (clean.length() <= max) ? clean : clean.substring(0, max);
	}

	/** What a mail became. */
	enum Outcome {

		CASE, MESSAGE, TRIAGE, QUARANTINE, IGNORED, OUT_OF_OFFICE, BOUNCE, LINKED, REJECTED;

		/** Whether the mail goes to the quarantine folder (else to the processed one). */
		boolean quarantined() {
			return this == QUARANTINE;
		}

	}

	/** One mail to record. */
	record Received(Category mailbox, long uidValidity, long uid, @Nullable String messageId, @Nullable String from,
			@Nullable String subject, Instant receivedAt, Outcome outcome, String reason, @Nullable Long caseId,
			@Nullable Long senderId, byte @Nullable [] raw) {
	}

	/** One recorded mail, as the triage list shows it. */
	record Row(long id, Category mailbox, @Nullable String messageId, @Nullable String from, @Nullable String subject,
			Instant receivedAt, Outcome outcome, String reason, @Nullable Long caseId, @Nullable Long handledBy,
			@Nullable Instant handledAt, @Nullable String rejection) {
	}

}
