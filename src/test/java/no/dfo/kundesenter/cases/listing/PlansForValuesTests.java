package no.dfo.kundesenter.cases.listing;

import java.util.Set;
import java.util.function.Supplier;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists whose best plan depends on the agency, the statuses or the words are planned for
 * their values; lookups by key and a person's own list keep PostgreSQL's kept plans.
 */
@SpringBootTest
class PlansForValuesTests {

	@Autowired
	CaseListing service;

	@Autowired
	CaseQueue queue;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void connectionsLeaveTheChoiceOfPlanToPostgresql() {
		assertThat(planCacheMode()).isEqualTo("auto");
	}

	@Test
	void aFagbrukersAgencyListIsPlannedForItsValues() {
		PortalUser lise = this.fixtures.user("lise");
		assertThat(modeAfter(() -> this.service.list(lise, query(CaseListScope.AGENCY, null))))
			.isEqualTo("force_custom_plan");
	}

	@Test
	void aCaseworkersListIsPlannedForItsValues() {
		PortalUser siri = this.fixtures.user("siri");
		assertThat(modeAfter(() -> this.service.list(siri, query(CaseListScope.CENTRE, null))))
			.isEqualTo("force_custom_plan");
	}

	@Test
	void aSearchOfOwnCasesIsPlannedForItsWords() {
		PortalUser kari = this.fixtures.user("kari");
		assertThat(modeAfter(() -> this.service.list(kari, query(CaseListScope.OWN, "sykemelding"))))
			.isEqualTo("force_custom_plan");
	}

	@Test
	void theOwnListKeepsTheKeptPlans() {
		PortalUser kari = this.fixtures.user("kari");
		assertThat(modeAfter(() -> this.service.list(kari, query(CaseListScope.OWN, null)))).isEqualTo("auto");
	}

	@Test
	void theQueueIsPlannedForItsValues() {
		PortalUser siri = this.fixtures.user("siri");
		assertThat(modeAfter(() -> this.queue.page(siri, CaseQueue.View.OPEN, CaseQueue.Order.DUE, 0)))
			.isEqualTo("force_custom_plan");
	}

	@Test
	void theChoiceEndsWithTheTransaction() {
		PortalUser lise = this.fixtures.user("lise");
		modeAfter(() -> this.service.list(lise, query(CaseListScope.AGENCY, null)));
		String afterwards = this.transactions.execute((tx) -> planCacheMode());
		assertThat(afterwards).isEqualTo("auto");
	}

	private @Nullable String modeAfter(Supplier<?> list) {
		return this.transactions.execute((tx) -> {
			list.get();
			return planCacheMode();
		});
	}

	private String planCacheMode() {
		return this.jdbc.queryForObject("show plan_cache_mode", String.class);
	}

	private static CaseQuery query(CaseListScope scope, @Nullable String text) {
		return new CaseQuery(scope, Set.of(CaseStatus.ACTIVE), null, null, null, null, text, CaseSort.UPDATED, true, 0);
	}

}
