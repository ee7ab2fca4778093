package no.dfo.kundesenter.attachments.internal;

import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class DraftCleanupTests {

	@Autowired
	Attachments attachments;

	@Autowired
	DraftCleanup cleanup;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	private UUID upload(long owner, String name) {
		List<Attachment> drafts = this.attachments.uploadDrafts(List.of(TestFiles.file(name, TestFiles.PDF)), owner);
		return drafts.get(0).id();
	}

	private void uploadedHoursAgo(UUID id, int hours) {
		this.jdbc.update("update attachment set created_at = now() - make_interval(hours => ?) where id = ?", hours,
				id);
	}

	private boolean exists(UUID id) {
		return this.jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class, id) == 1
				&& this.jdbc.queryForObject("select count(*) from attachment_chunk where blob_id = ?", Integer.class,
						id) > 0;
	}

	@Test
	void draftsOlderThanADayAreDeletedWithTheirContentAndNothingElse() {
		TestPeople people = new TestPeople(this.jdbc);
		long owner = people.id(people.person("glemsk", people.existing("910000004").id(), Role.REPORTER));
		UUID expired = upload(owner, "glemt.pdf");
		UUID recent = upload(owner, "ny.pdf");
		UUID claimed = upload(owner, "sendt.pdf");
		this.transactions.executeWithoutResult((tx) -> this.attachments.claimDrafts(List.of(claimed), owner, 1, null));
		uploadedHoursAgo(expired, 25);
		uploadedHoursAgo(recent, 23);
		uploadedHoursAgo(claimed, 48);

		this.cleanup.deleteExpiredDrafts();

		assertThat(exists(expired)).isFalse();
		assertThat(
				this.jdbc.queryForObject("select count(*) from attachment_blob where id = ?", Integer.class, expired))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'ATTACHMENT_REMOVED' and actor_id is null and detail = ?",
				Integer.class, "attachment=" + expired + " draft expired"))
			.isEqualTo(1);
		assertThat(exists(recent)).isTrue();
		assertThat(exists(claimed)).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from shedlock where name = 'attachments-draft-cleanup'",
				Integer.class))
			.isEqualTo(1);
	}

}
