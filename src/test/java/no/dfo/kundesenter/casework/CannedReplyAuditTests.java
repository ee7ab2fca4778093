package no.dfo.kundesenter.casework;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CannedReplyAuditTests {

	@Autowired
	CannedReplies replies;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	private static String unique(String prefix) {
		return prefix + " " + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private List<String> auditOf(long replyId) {
		return this.jdbc.query("""
				select e.action || ' by ' || u.username || ': ' || e.detail
				from audit_event e join app_user u on u.id = e.actor_id
				where e.detail = ? or e.detail like ? order by e.id""", (rs, n) -> rs.getString(1), "reply=" + replyId,
				"reply=" + replyId + " %");
	}

	@Test
	void writingChangingAndDeletingACannedReplyIsAuditedByIdAndCategoryWithoutItsText() {
		PortalUser siri = this.fixtures.user("siri");
		String title = unique("Hemmelig tittel");
		String body = unique("Hemmelig tekst om lønn");

		long id = this.replies.create(Category.PAYROLL, title, body, siri).getId();
		this.replies.update(id, title + " endret", body + " endret", siri);
		this.replies.delete(id, siri);

		assertThat(auditOf(id)).containsExactly("CANNED_REPLY_CREATED by siri: reply=" + id + " category=PAYROLL",
				"CANNED_REPLY_CHANGED by siri: reply=" + id + " category=PAYROLL",
				"CANNED_REPLY_DELETED by siri: reply=" + id + " category=PAYROLL");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where detail like ? or detail like ?",
				Integer.class, "%" + title + "%", "%Hemmelig tekst%"))
			.isZero();
	}

	@Test
	void aCannedReplyChangeThatIsRolledBackLeavesNoAuditLine() {
		PortalUser sverre = this.fixtures.user("sverre");
		String title = unique("Tilbakerullet");

		long id = this.transactions.execute((status) -> {
			long created = this.replies.create(Category.ACCOUNTING, title, "Tekst", sverre).getId();
			status.setRollbackOnly();
			return created;
		});

		assertThat(this.jdbc.queryForObject("select count(*) from canned_reply where id = ?", Integer.class, id))
			.isZero();
		assertThat(auditOf(id)).isEmpty();
	}

}
