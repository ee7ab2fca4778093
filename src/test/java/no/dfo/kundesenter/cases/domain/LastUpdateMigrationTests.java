package no.dfo.kundesenter.cases.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 on cases that existed before it (decision 0060): the old last update becomes the
 * last activity, and the last update customers see is recomputed from the case's opening,
 * public messages and status changes. Runs the migrations in a schema of its own.
 */
@SpringBootTest
class LastUpdateMigrationTests {

	private static final String SCHEMA = "before_v15";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void dropTheSchema() {
		this.jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
	}

	@Test
	void theLastUpdateBecomesTheLastActivityAndCustomersGetTheirsFromWhatTheySee() {
		migrate("14");
		this.jdbc.execute(
				"""
						insert into %1$s.organization (org_number, name) values ('910000004', 'Testetaten');
						insert into %1$s.app_user (username, full_name, email, organization_id)
						select 'kari', 'Kari', 'kari@example.no', id from %1$s.organization;
						-- Opened, answered, set waiting; then a note and an assignment the customer never saw.
						insert into %1$s.support_case (id, category, channel, status, subject, organization_id, reporter_id,
						                               assignee_id, created_at, updated_at)
						select 1, 'PAYROLL', 'WEB', 'WAITING_FOR_CUSTOMER', 'Lønn', o.id, u.id, u.id,
						       timestamptz '2020-01-01 10:00+00', timestamptz '2020-01-05 10:00+00' from %1$s.organization o, %1$s.app_user u;
						insert into %1$s.message (case_id, author_id, author_side, body, internal, created_at)
						select 1, id, 'CUSTOMER', 'Spørsmål', false, timestamptz '2020-01-01 10:00+00' from %1$s.app_user union all
						select 1, id, 'CENTRE', 'Svar', false, timestamptz '2020-01-02 10:00+00' from %1$s.app_user union all
						select 1, id, 'CENTRE', 'Notat', true, timestamptz '2020-01-04 10:00+00' from %1$s.app_user;
						insert into %1$s.status_change (case_id, from_status, to_status, changed_by, changed_at)
						select 1, null, 'ACTIVE', id, timestamptz '2020-01-01 10:00+00' from %1$s.app_user union all
						select 1, 'ACTIVE', 'WAITING_FOR_CUSTOMER', id, timestamptz '2020-01-03 10:00+00' from %1$s.app_user;
						insert into %1$s.case_assignment (case_id, assignee_id, assigned_by, assigned_at)
						select 1, id, id, timestamptz '2020-01-05 10:00+00' from %1$s.app_user;
						-- Opened, then only a note.
						insert into %1$s.support_case (id, category, channel, status, subject, organization_id, reporter_id,
						                               created_at, updated_at)
						select 2, 'ACCOUNTING', 'PHONE', 'ACTIVE', 'Regnskap', o.id, u.id,
						       timestamptz '2020-02-01 10:00+00', timestamptz '2020-02-02 10:00+00' from %1$s.organization o, %1$s.app_user u;
						insert into %1$s.message (case_id, author_id, author_side, body, internal, created_at)
						select 2, id, 'CENTRE', 'Notat', true, timestamptz '2020-02-02 10:00+00' from %1$s.app_user;
						"""
					.formatted(SCHEMA));
		migrate("15");
		assertThat(times(1)).containsEntry("updated_at", Instant.parse("2020-01-03T10:00:00Z"))
			.containsEntry("activity_at", Instant.parse("2020-01-05T10:00:00Z"));
		assertThat(times(2)).containsEntry("updated_at", Instant.parse("2020-02-01T10:00:00Z"))
			.containsEntry("activity_at", Instant.parse("2020-02-02T10:00:00Z"));
	}

	private void migrate(String version) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.target(version)
			.load()
			.migrate();
	}

	private Map<String, Instant> times(long caseId) {
		return this.jdbc.queryForObject("select updated_at, activity_at from " + SCHEMA + ".support_case where id = ?",
				(rs, row) -> Map.of("updated_at", rs.getObject(1, Timestamp.class).toInstant(), "activity_at",
						rs.getObject(2, Timestamp.class).toInstant()),
				caseId);
	}

}
