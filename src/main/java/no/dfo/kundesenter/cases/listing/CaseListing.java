package no.dfo.kundesenter.cases.listing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list and search: the cases a person may see, filtered, searched, sorted and
 * paged in the database.
 */
@Service
@Transactional(readOnly = true)
public class CaseListing {

	/** Cases per page in lists and the queue. */
	public static final int PAGE_SIZE = 25;

	/**
	 * Most cases a search counts and pages through; more means the search is too wide.
	 */
	public static final int SEARCH_LIMIT = 200;

	/**
	 * Most own cases outside their agency part that a fagbruker's list reads apart and
	 * merges in; with more, the list is read as one query.
	 */
	static final int MAX_MERGED_OWN_CASES = 50;

	private final CaseRepository cases;

	private final CaseSearchSnippets snippets;

	private final CaseListQueries queries;

	private final PlansForValues plans;

	private final Clock clock;

	private final CaseNews news;

	CaseListing(CaseRepository cases, CaseSearchSnippets snippets, CaseListQueries queries, PlansForValues plans,
			Clock clock, CaseNews news) {
		this.news = news;
		this.cases = cases;
		this.snippets = snippets;
		this.queries = queries;
		this.plans = plans;
		this.clock = clock;
	}

	/**
	 * One page of the case list for the viewer: what the policy lets them see, narrowed
	 * by the scope, filtered, searched, sorted, counted and paged in the database. A page
	 * beyond the last gives the last page. Rows carry what is new to the viewer
	 * ({@link CaseNews}). Rows found by free text carry a snippet of where the words are.
	 * A search counts no further than {@link #SEARCH_LIMIT}: a word found in a large
	 * share of many thousand cases would otherwise cost a visit to each. A fagbruker's
	 * list sorted by number or time reads the agency's cases and their own cases outside
	 * them apart and merges them ({@link MergedPage}): the database cannot walk one index
	 * in order through "own or the agency's". Only a person's own cases without free text
	 * are read with the plans PostgreSQL keeps: every other list is planned for its
	 * agency, category, statuses and words.
	 */
	public CaseListPage list(PortalUser viewer, CaseQuery query) {
		if (query.scope() != CaseListScope.OWN || query.searches()) {
			this.plans.inThisTransaction();
		}
		Specification<Case> narrowing = CaseListSpecifications.narrowing(viewer, query, this.clock.getZone());
		Specification<Case> throughRole = CaseAccessPolicy.throughRole(viewer);
		Comparator<CaseListRow> order = MergedPage.order(query.sort(), query.descending());
		if (query.scope() != CaseListScope.OWN && CaseAccessPolicy.mayRegister(viewer) && throughRole != null
				&& order != null) {
			List<CaseListRow> ownOutside = this.queries.rows(viewer,
					CaseAccessPolicy.reportedBy(viewer).and(Specification.not(throughRole)).and(narrowing), 0,
					MAX_MERGED_OWN_CASES + 1);
			if (ownOutside.size() <= MAX_MERGED_OWN_CASES) {
				return page(viewer, query, throughRole.and(narrowing), ownOutside, order);
			}
		}
		return page(viewer, query, CaseListSpecifications.of(viewer, query, this.clock.getZone()), List.of(), order);
	}

	/**
	 * A page of the cases {@code spec} finds together with {@code alsoShown} (which it
	 * does not find), counted and in the list's order.
	 */
	private CaseListPage page(PortalUser viewer, CaseQuery query, Specification<Case> spec, List<CaseListRow> alsoShown,
			@Nullable Comparator<CaseListRow> order) {
		boolean searching = query.searches();
		long found = searching ? this.queries.countUpTo(spec, SEARCH_LIMIT + 1) : this.queries.count(spec);
		boolean countStopped = searching && found + alsoShown.size() > SEARCH_LIMIT;
		long total = searching ? Math.min(found + alsoShown.size(), SEARCH_LIMIT) : found + alsoShown.size();
		int lastPage = (total == 0) ? 0 : (int) ((total - 1) / PAGE_SIZE);
		int index = Math.clamp(query.page(), 0, Math.min(lastPage, CaseQuery.MAX_PAGE));
		List<CaseListRow> rows;
		if (total == 0) {
			rows = List.of();
		}
		else if (alsoShown.isEmpty() || order == null) {
			rows = this.queries.rows(viewer, spec, index * PAGE_SIZE, PAGE_SIZE);
		}
		else {
			rows = MergedPage.rows((offset, limit) -> this.queries.rows(viewer, spec, offset, limit), found, alsoShown,
					index * PAGE_SIZE, PAGE_SIZE, order);
		}
		if (searching && !rows.isEmpty()) {
			Map<Long, String> snippets = this.snippets.find(rows.stream().map(CaseListRow::id).toList(), query.text(),
					rows.stream()
						.filter((r) -> CaseAccessPolicy.seesInternalNotes(viewer, r.category()))
						.map(CaseListRow::id)
						.toList());
			rows = rows.stream().map((r) -> r.withSnippet(snippets.get(r.id()))).toList();
		}
		rows = this.news.forCustomer(viewer, rows);
		return new CaseListPage(new PageImpl<>(rows, PageRequest.of(index, PAGE_SIZE), total), countStopped);
	}

	/**
	 * Whether the viewer may see the case with this number (looking a case up by number).
	 */
	public boolean isVisible(long id, PortalUser viewer) {
		return this.cases.exists(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(id)));
	}

}
