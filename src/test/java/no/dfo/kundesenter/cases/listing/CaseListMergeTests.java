package no.dfo.kundesenter.cases.listing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fagbruker's list reads the agency's cases and their own cases outside them apart and
 * merges the two. Every page, count and order must be what the single query of "own or
 * the agency's" gives.
 */
@SpringBootTest
class CaseListMergeTests {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	@Autowired
	CaseListing service;

	@Autowired
	CaseListQueries queries;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final String token = "fletting" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private PortalUser lise;

	@BeforeEach
	void agencyCasesAndOwnCasesInAnotherCategoryInterleavedInTime() {
		this.lise = this.fixtures.user("lise");
		PortalUser kari = this.fixtures.user("kari");
		// 70 of the agency's payroll cases (kari's), a minute apart, some sharing a
		// second so the id breaks ties; lise's own accounting cases fall in between.
		cases("PAYROLL", kari, 70, 60, 7);
		cases("ACCOUNTING", this.lise, 12, 337, 3);
		cases("PAYROLL", this.lise, 4, 911, 2);
	}

	@AfterEach
	void removeTheCases() {
		this.jdbc.update("delete from support_case where subject like ?", this.token + "%");
	}

	@Test
	void everyPageOfTheMergedListIsThePageOfTheSingleQuery() {
		for (CaseSort sort : List.of(CaseSort.ID, CaseSort.CREATED, CaseSort.UPDATED)) {
			for (boolean descending : List.of(true, false)) {
				assertSameAsSingleQuery(Set.of(), null, sort, descending);
				assertSameAsSingleQuery(Set.of(CaseStatus.ACTIVE, CaseStatus.IN_PROGRESS), null, sort, descending);
				assertSameAsSingleQuery(Set.of(), this.token, sort, descending);
			}
		}
	}

	@Test
	void aFagbrukerWithManyOwnCasesOutsideTheAgencyPartGetsTheSameList() {
		cases("ACCOUNTING", this.lise, CaseListing.MAX_MERGED_OWN_CASES + 5, 13, 4);
		assertSameAsSingleQuery(Set.of(), this.token, CaseSort.UPDATED, true);
		assertSameAsSingleQuery(Set.of(), null, CaseSort.CREATED, false);
	}

	@Test
	void theMergedListHoldsTheOwnCasesOutsideTheAgencyPart() {
		CaseListPage page = this.service.list(this.lise, query(Set.of(), this.token, CaseSort.CREATED, true, 0));
		assertThat(page.page().getTotalElements()).isEqualTo(70 + 12 + 4);
		List<Long> ids = new ArrayList<>();
		for (int p = 0; p * CaseListing.PAGE_SIZE < 86; p++) {
			this.service.list(this.lise, query(Set.of(), this.token, CaseSort.CREATED, true, p))
				.page()
				.forEach((row) -> ids.add(row.id()));
		}
		assertThat(ids).doesNotHaveDuplicates()
			.containsAll(this.jdbc.queryForList(
					"select id from support_case where subject like ? and category = 'ACCOUNTING'", Long.class,
					this.token + "%"));
	}

	private void assertSameAsSingleQuery(Set<CaseStatus> statuses, @Nullable String text, CaseSort sort,
			boolean descending) {
		CaseQuery first = query(statuses, text, sort, descending, 0);
		var single = CaseListSpecifications.of(this.lise, first, OSLO);
		long expectedTotal = this.transactions.execute((tx) -> (text != null)
				? Math.min(this.queries.countUpTo(single, CaseListing.SEARCH_LIMIT + 1), CaseListing.SEARCH_LIMIT)
				: this.queries.count(single));
		CaseListPage page = this.service.list(this.lise, first);
		String what = sort + (descending ? " desc" : " asc") + " statuses " + statuses + " text " + text;
		assertThat(page.page().getTotalElements()).as("count, " + what).isEqualTo(expectedTotal);
		int pages = (int) Math.min((expectedTotal + CaseListing.PAGE_SIZE - 1) / CaseListing.PAGE_SIZE, 12);
		for (int p = 0; p < pages; p++) {
			int number = p;
			List<Long> expected = this.transactions.execute(
					(tx) -> this.queries
						.rows(this.lise,
								CaseListSpecifications.of(this.lise, query(statuses, text, sort, descending, number),
										OSLO),
								number * CaseListing.PAGE_SIZE, CaseListing.PAGE_SIZE)
						.stream()
						.map(CaseListRow::id)
						.toList());
			List<Long> actual = this.service.list(this.lise, query(statuses, text, sort, descending, number))
				.page()
				.map(CaseListRow::id)
				.toList();
			assertThat(actual).as("page " + number + ", " + what).isEqualTo(expected);
		}
	}

	private static CaseQuery query(Set<CaseStatus> statuses, @Nullable String text, CaseSort sort, boolean descending,
			int page) {
		return new CaseQuery(CaseListScope.AGENCY, statuses, null, null, null, null, text, sort, descending, page);
	}

	/**
	 * {@code count} cases of the reporter, the n-th created {@code minutes * n} minutes
	 * ago (every {@code tieEvery}-th on the same second as the one before) and updated at
	 * a time that does not follow the creation order.
	 */
	private void cases(String category, PortalUser reporter, int count, int minutes, int tieEvery) {
		this.jdbc.update("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				                          created_at, updated_at, activity_at)
				select ?, 'WEB', (array['ACTIVE','IN_PROGRESS','CLOSED','WAITING_FOR_CUSTOMER'])[1 + g % 4],
				       ? || ' ' || g, ?, ?,
				       date_trunc('second', now()) - make_interval(mins => ? * (g - (g % ?) / (? - 1))),
				       date_trunc('second', now()) - make_interval(mins => (g * 7919) % 1000),
				       date_trunc('second', now()) - make_interval(mins => (g * 7919) % 1000)
				from generate_series(1, ?) g
				""", category, this.token, reporter.organizationId(), reporter.id(), minutes, tieEvery, tieEvery,
				count);
	}

}
