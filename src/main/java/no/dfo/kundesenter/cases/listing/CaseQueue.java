package no.dfo.kundesenter.cases.listing;

import java.util.List;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseworker's queue: the cases of their category across all agencies, the one due
 * first (overdue first) or the one that has waited longest for the centre first. Its rows
 * are read like the case list's ({@link CaseListQueries}), with who is responsible, since
 * when the customer waits, when the next service-level target falls due and whether the
 * customer wrote after the caseworker responsible last opened the case
 * ({@link CaseNews}).
 */
@Service
@Transactional(readOnly = true)
public class CaseQueue {

	private final CaseListQueries queries;

	private final PlansForValues plans;

	private final CaseNews news;

	CaseQueue(CaseListQueries queries, PlansForValues plans, CaseNews news) {
		this.news = news;
		this.queries = queries;
		this.plans = plans;
	}

	/**
	 * The views of the queue.
	 */
	public enum View {

		/** Ufordelt: open cases nobody is responsible for. */
		UNASSIGNED,

		/** Mine: open cases the caseworker is responsible for. */
		MINE,

		/** Alle åpne: every case that is not closed. */
		OPEN,

		/** Venter på kunde. */
		WAITING_FOR_CUSTOMER,

		/** Utsatt. */
		POSTPONED

	}

	/**
	 * The orders of the queue.
	 */
	public enum Order {

		/**
		 * The earliest due time first, so overdue cases head the queue; cases whose clock
		 * stands still last. Only for the views of running cases.
		 */
		DUE,

		/** The case whose customer has waited longest first. */
		WAITING

	}

	/**
	 * Whether the cases of a view can run against their targets, so that ordering by due
	 * time means something: not in Venter på kunde and Utsatt, where every clock stands
	 * still.
	 */
	public static boolean runs(View view) {
		return view != View.WAITING_FOR_CUSTOMER && view != View.POSTPONED;
	}

	/**
	 * One page of a view, counted only when it is not the whole view. A page beyond the
	 * last gives the last page.
	 * @param page zero-based
	 * @param order {@link Order#DUE} is taken as {@link Order#WAITING} in a view where no
	 * clock runs
	 * @throws IllegalArgumentException if the viewer is not a caseworker
	 */
	public Page<CaseListRow> page(PortalUser viewer, View view, Order order, int page) {
		if (!viewer.isCaseworker()) {
			throw new IllegalArgumentException("Only caseworkers have a queue");
		}
		this.plans.inThisTransaction();
		Specification<Case> spec = of(viewer, view, order);
		PageRequest request = PageRequest.of(Math.clamp(page, 0, CaseQuery.MAX_PAGE - 1), CaseListing.PAGE_SIZE);
		List<CaseListRow> rows = rows(viewer, spec, request);
		Page<CaseListRow> found = PageableExecutionUtils.getPage(rows, request, () -> this.queries.count(spec));
		if (rows.isEmpty() && found.getTotalElements() > 0) {
			PageRequest last = request.withPage(found.getTotalPages() - 1);
			return new PageImpl<>(rows(viewer, spec, last), last, found.getTotalElements());
		}
		return found;
	}

	/**
	 * The cases of a view the viewer may see, the one that has waited longest first.
	 */
	static Specification<Case> of(PortalUser viewer, View view) {
		return of(viewer, view, Order.WAITING);
	}

	/**
	 * The cases of a view the viewer may see, in the order asked for; where the clocks
	 * stand still (waiting, postponed) always the one that has waited longest first.
	 */
	static Specification<Case> of(PortalUser viewer, View view, Order order) {
		return CaseAccessPolicy.visibleTo(viewer)
			.and(inView(view, viewer))
			.and((order == Order.DUE && runs(view)) ? dueFirst() : oldestWaitingFirst());
	}

	private List<CaseListRow> rows(PortalUser viewer, Specification<Case> spec, PageRequest request) {
		return this.news
			.forAssignees(this.queries.queueRows(viewer, spec, (int) request.getOffset(), request.getPageSize()));
	}

	private static Specification<Case> inView(View view, PortalUser viewer) {
		return (root, query, cb) -> switch (view) {
			case UNASSIGNED ->
				cb.and(cb.notEqual(root.get("status"), CaseStatus.CLOSED), cb.isNull(root.get("assigneeId")));
			case MINE -> cb.and(cb.notEqual(root.get("status"), CaseStatus.CLOSED),
					cb.equal(root.get("assigneeId"), viewer.id()));
			case OPEN -> cb.notEqual(root.get("status"), CaseStatus.CLOSED);
			case WAITING_FOR_CUSTOMER -> cb.equal(root.get("status"), CaseStatus.WAITING_FOR_CUSTOMER);
			case POSTPONED -> cb.equal(root.get("status"), CaseStatus.POSTPONED);
		};
	}

	/**
	 * The earliest due time first; PostgreSQL puts the empty ones (clock at a standstill)
	 * last, as the index on them (V30) holds them.
	 */
	private static Specification<Case> dueFirst() {
		return (root, query, cb) -> {
			if (query != null && !Long.class.equals(query.getResultType())) {
				query.orderBy(cb.asc(root.get("nextDue")), cb.asc(root.get("id")));
			}
			return null;
		};
	}

	/**
	 * Ordering inside the specification, so the count query (which drops it) stays cheap.
	 */
	private static Specification<Case> oldestWaitingFirst() {
		return (root, query, cb) -> {
			if (query != null && !Long.class.equals(query.getResultType())) {
				query.orderBy(cb.asc(root.get("lastCustomerMessageAt")), cb.asc(root.get("id")));
			}
			return null;
		};
	}

}
