package no.dfo.kundesenter.cases.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseworker's queue: the cases of their category across all agencies, the one that
 * has waited longest for the centre first.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueue {

	private final CaseRepository cases;

	private final UserDirectory directory;

	private final PlansForValues plans;

	private final Clock clock;

	CaseQueue(CaseRepository cases, UserDirectory directory, PlansForValues plans, Clock clock) {
		this.clock = clock;
		this.plans = plans;
		this.cases = cases;
		this.directory = directory;
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
	 * One page of a view.
	 * @param page zero-based
	 * @throws IllegalArgumentException if the viewer is not a caseworker
	 */
	public Page<QueueRow> page(PortalUser viewer, View view, int page) {
		if (!viewer.isCaseworker()) {
			throw new IllegalArgumentException("Only caseworkers have a queue");
		}
		this.plans.inThisTransaction();
		Specification<Case> spec = CaseAccessPolicy.visibleTo(viewer)
			.and(inView(view, viewer))
			.and(oldestWaitingFirst());
		Page<Case> found = this.cases.findAll(spec, PageRequest.of(Math.max(page, 0), CaseListing.PAGE_SIZE));
		Set<Long> people = new HashSet<>();
		found.forEach((c) -> {
			people.add(c.getReporterId());
			if (c.getAssigneeId() != null) {
				people.add(c.getAssigneeId());
			}
		});
		Map<Long, String> names = this.directory.fullNames(people);
		Map<Long, String> agencies = new HashMap<>();
		Instant now = this.clock.instant();
		return found.map((c) -> {
			Instant since = c.getLastCustomerMessageAt();
			Duration waited = (since != null) ? Duration.between(since, now) : Duration.ZERO;
			String agency = agencies.computeIfAbsent(c.getOrganizationId(),
					(id) -> this.directory.organizationName(id).orElse("?"));
			return new QueueRow(c.getId(), c.getSubject(), agency, names.getOrDefault(c.getReporterId(), "?"),
					c.getStatus(), c.getChannel(),
					(c.getAssigneeId() != null) ? names.getOrDefault(c.getAssigneeId(), "?") : null,
					(since != null) ? (since) : null, Math.max(waited.toDays(), 0), Math.max(waited.toHoursPart(), 0));
		});
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
