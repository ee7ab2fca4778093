package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.listing.CaseListRow.Marks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is new since a person last opened a case (decision 0076). To the agency side: the
 * centre's public answers and status changes, on the cases they have opened (their own
 * cases count as opened when registered). To the caseworker responsible: the customer's
 * messages. Internal notes are never news. A page of rows costs one lookup by primary
 * key; the menu's count reads only the viewer's openings flagged as having news (V34).
 */
@Service
@Transactional(readOnly = true)
public class CaseNews {

	private final EntityManager entityManager;

	CaseNews(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * How many cases the viewer may see have news for them; 0 for anyone not on the
	 * agency side.
	 */
	public long count(PortalUser viewer) {
		if (!CaseAccessPolicy.actsAsCustomer(viewer)) {
			return 0;
		}
		// The openings flagged as having news, from a small partial index; usually none.
		List<Long> flagged = this.entityManager
			.createQuery("select o.caseId from CaseOpening o where o.userId = :user and o.news", Long.class)
			.setParameter("user", viewer.id())
			.getResultList();
		if (flagged.isEmpty()) {
			return 0;
		}
		// Of those, the cases the viewer may still see.
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = cb.createQuery(Long.class);
		Root<Case> c = query.from(Case.class);
		Predicate visible = CaseAccessPolicy.visibleTo(viewer).toPredicate(c, query, cb);
		query.select(cb.count(c)).where(c.get("id").in(flagged), Objects.requireNonNull(visible));
		return this.entityManager.createQuery(query).getSingleResult();
	}

	/**
	 * The rows of an agency-side viewer's list with their marks.
	 */
	List<CaseListRow> forCustomer(PortalUser viewer, List<CaseListRow> rows) {
		if (!CaseAccessPolicy.actsAsCustomer(viewer) || rows.isEmpty()) {
			return rows;
		}
		Map<Long, Instant> opened = new HashMap<>();
		this.entityManager
			.createQuery("select o.caseId, o.openedAt from CaseOpening o where o.userId = :user and o.caseId in :ids",
					Tuple.class)
			.setParameter("user", viewer.id())
			.setParameter("ids", rows.stream().map(CaseListRow::id).toList())
			.getResultList()
			.forEach((t) -> opened.put(t.get(0, Long.class), t.get(1, Instant.class)));
		return rows.stream().map((r) -> {
			Instant at = opened.get(r.id());
			return (at == null) ? r
					: r.withMarks(new Marks(after(r.centreRepliedAt(), at), after(r.statusChangedAt(), at), false));
		}).toList();
	}

	/**
	 * The queue's rows, each marked when the customer wrote after the caseworker
	 * responsible last opened it.
	 */
	List<CaseListRow> forAssignees(List<CaseListRow> rows) {
		List<CaseListRow> assigned = rows.stream().filter((r) -> r.assigneeId() != null).toList();
		if (assigned.isEmpty()) {
			return rows;
		}
		Map<String, Instant> opened = new HashMap<>();
		this.entityManager.createQuery("""
				select o.userId, o.caseId, o.openedAt from CaseOpening o
				where o.userId in :assignees and o.caseId in :ids""", Tuple.class)
			.setParameter("assignees", assigned.stream().map(CaseListRow::assigneeId).distinct().toList())
			.setParameter("ids", assigned.stream().map(CaseListRow::id).toList())
			.getResultList()
			.forEach((t) -> opened.put(t.get(0, Long.class) + "/" + t.get(1, Long.class), t.get(2, Instant.class)));
		return rows.stream().map((r) -> {
			if (r.assigneeId() == null || r.waitingSince() == null) {
				return r;
			}
			Instant at = opened.get(r.assigneeId() + "/" + r.id());
			return r.withMarks(new Marks(false, false, at == null || r.waitingSince().isAfter(at)));
		}).toList();
	}

	private static boolean after(@Nullable Instant event, Instant opened) {
		return event != null && event.isAfter(opened);
	}

}
