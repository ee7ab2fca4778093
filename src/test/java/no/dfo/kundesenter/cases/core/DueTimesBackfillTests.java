package no.dfo.kundesenter.cases.core;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open cases written without due times get them at start; waiting ones stay without.
 */
@SpringBootTest
class DueTimesBackfillTests {

	@Autowired
	DueTimesBackfill backfill;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void openCasesWithoutDueTimesGetThemAndWaitingOnesDoNot() {
		long active = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		long waiting = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.WAITING_FOR_CUSTOMER);
		try {
			assertThat(nextDue(active)).isFalse();

			this.backfill.fill();

			assertThat(nextDue(active)).isTrue();
			assertThat(nextDue(waiting)).isFalse();
		}
		finally {
			this.jdbc.update("delete from support_case where id in (?, ?)", active, waiting);
		}
	}

	private boolean nextDue(long id) {
		return this.jdbc.queryForObject("select next_due is not null from support_case where id = ?", Boolean.class,
				id);
	}

}
