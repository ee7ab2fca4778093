package no.dfo.kundesenter.cases.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V20 on cases that existed before it (decision 0063): the old last update becomes the
 * last activity, and the last update customers see is recomputed from the case's opening,
 * public messages and status changes. Runs the migrations in a schema of its own.
 */
@SpringBootTest
class LastUpdateMigrationTests {

	private static final String SCHEMA = "before_v20";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	private long person;

	@AfterEach
	void dropTheSchema() {
		this.jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
	}

	@Test
	void theLastUpdateBecomesTheLastActivityAndCustomersGetTheirsFromWhatTheySee() {
		migrate("19");
		this.jdbc.update("insert into " + SCHEMA + ".organization (org_number, name) values ('910000004', 'Etaten')");
		this.person = this.jdbc.queryForObject("insert into " + SCHEMA + ".app_user (username, full_name, email, "
				+ "organization_id) select 'kari', 'Kari', 'kari@example.no', id from " + SCHEMA + ".organization "
				+ "returning id", Long.class);
		// Opened, answered, set waiting; then a note and an assignment the customer never
		// saw.
		aCase(1, "2020-01-01", "2020-01-05");
		message(1, false, "2020-01-01");
		message(1, false, "2020-01-02");
		statusChange(1, null, "ACTIVE", "2020-01-01");
		statusChange(1, "ACTIVE", "WAITING_FOR_CUSTOMER", "2020-01-03");
		message(1, true, "2020-01-04");
		this.jdbc.update("insert into " + SCHEMA + ".case_assignment (case_id, assignee_id, assigned_by, assigned_at) "
				+ "values (1, ?, ?, timestamptz '2020-01-05 10:00+00')", this.person, this.person);
		// Opened, then only a note.
		aCase(2, "2020-02-01", "2020-02-02");
		message(2, true, "2020-02-02");
		// Written outside the portal: a reply later than the recorded last update.
		aCase(3, "2020-03-01", "2020-03-01");
		message(3, false, "2020-03-02");

		migrate("20");

		assertThat(times(1)).containsEntry("updated_at", at("2020-01-03"))
			.containsEntry("activity_at", at("2020-01-05"));
		assertThat(times(2)).containsEntry("updated_at", at("2020-02-01"))
			.containsEntry("activity_at", at("2020-02-02"));
		assertThat(times(3)).containsEntry("updated_at", at("2020-03-02"))
			.containsEntry("activity_at", at("2020-03-02"));
	}

	private void migrate(String version) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.target(version)
			// One role for both, as in the other tests: the grants have nothing to do.
			.placeholders(java.util.Map.of("approle", ""))
			.load()
			.migrate();
	}

	private void aCase(long id, String created, String updated) {
		this.jdbc.update("insert into " + SCHEMA + ".support_case (id, category, channel, status, subject, "
				+ "organization_id, reporter_id, created_at, updated_at) select ?, 'PAYROLL', 'WEB', 'ACTIVE', 'Sak', "
				+ "organization_id, id, ?, ? from " + SCHEMA + ".app_user", id, ts(created), ts(updated));
	}

	private void message(long caseId, boolean internal, String day) {
		this.jdbc.update("insert into " + SCHEMA + ".message (case_id, author_id, author_side, body, internal, "
				+ "created_at) values (?, ?, 'CENTRE', 'Tekst', ?, ?)", caseId, this.person, internal, ts(day));
	}

	private void statusChange(long caseId, @Nullable String from, String to, String day) {
		this.jdbc.update("insert into " + SCHEMA + ".status_change (case_id, from_status, to_status, changed_by, "
				+ "changed_at) values (?, ?, ?, ?, ?)", caseId, from, to, this.person, ts(day));
	}

	private Map<String, Instant> times(long caseId) {
		return this.jdbc.queryForObject(
				"select updated_at, activity_at from " + SCHEMA + ".support_case where id = ?", (rs, row) -> Map
					.of("updated_at", rs.getTimestamp(1).toInstant(), "activity_at", rs.getTimestamp(2).toInstant()),
				caseId);
	}

	private static Instant at(String day) {
		return Instant.parse(day + "T10:00:00Z");
	}

	private static Timestamp ts(String day) {
		return Timestamp.from(at(day));
	}

}
