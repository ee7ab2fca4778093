package no.dfo.kundesenter.cases.listing;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.listing.CaseQueue.View;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every row of the case list or a queue view, for an export: the same specifications as
 * the pages (so the same access policy), read from a database cursor inside one read-only
 * transaction and handed on one at a time.
 */
@Service
@Transactional(readOnly = true)
class CaseExport {

	/** Most rows one export reads when it is not a free-text search. */
	static final int MAX_ROWS = 1_000_000;

	private final CaseListQueries queries;

	private final PlansForValues plans;

	private final Clock clock;

	CaseExport(CaseListQueries queries, PlansForValues plans, Clock clock) {
		this.queries = queries;
		this.plans = plans;
		this.clock = clock;
	}

	/**
	 * The list's rows for the query, all pages, in its order; a free-text search as far
	 * as the list pages through it ({@link CaseListing#SEARCH_LIMIT}).
	 * @return how many rows were handed on
	 */
	public int list(PortalUser viewer, CaseQuery query, Consumer<CaseListRow> sink) {
		if (query.scope() != CaseListScope.OWN || query.searches()) {
			this.plans.inThisTransaction();
		}
		int limit = query.searches() ? CaseListing.SEARCH_LIMIT : MAX_ROWS;
		return drain(this.queries.stream(viewer, CaseListSpecifications.of(viewer, query, this.clock.getZone()), limit),
				sink);
	}

	/**
	 * A queue view's rows, all pages, the one that has waited longest first.
	 * @return how many rows were handed on
	 * @throws IllegalArgumentException if the viewer is not a caseworker
	 */
	public int queue(PortalUser viewer, View view, CaseQueue.Order order, Consumer<CaseListRow> sink) {
		if (!viewer.isCaseworker()) {
			throw new IllegalArgumentException("Only caseworkers have a queue");
		}
		this.plans.inThisTransaction();
		return drain(this.queries.stream(viewer, CaseQueue.of(viewer, view, order), MAX_ROWS), sink);
	}

	private static int drain(Stream<CaseListRow> rows, Consumer<CaseListRow> sink) {
		int[] count = { 0 };
		try (rows) {
			rows.forEach((row) -> {
				sink.accept(row);
				count[0]++;
			});
		}
		return count[0];
	}

}
