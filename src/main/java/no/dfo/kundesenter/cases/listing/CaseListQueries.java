package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The case list's queries for a specification (which always includes the access policy):
 * one page of rows with the names they show, read in one statement without loading cases,
 * and the count, exact or stopped at a limit.
 */
@Component
class CaseListQueries {

	/** Rows the database cursor hands over at a time when streaming. */
	static final int FETCH_SIZE = 1000;

	private final EntityManager entityManager;

	CaseListQueries(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	long count(Specification<Case> spec) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = cb.createQuery(Long.class);
		Root<Case> root = query.from(Case.class);
		where(query, spec.toPredicate(root, query, cb));
		query.select(cb.count(root));
		return this.entityManager.createQuery(query).getSingleResult();
	}

	/**
	 * How many cases match, counting no further than {@code limit}: the first ones in the
	 * list's order, so the database walks the same index as for the page and stops when
	 * it has found that many.
	 */
	int countUpTo(Specification<Case> spec, int limit) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Case> root = query.from(Case.class);
		where(query, spec.toPredicate(root, query, cb));
		query.multiselect(root.get("id"));
		return this.entityManager.createQuery(query).setMaxResults(limit).getResultList().size();
	}

	/**
	 * The rows from {@code offset}, in the specification's order, without snippets; each
	 * with its last update as the viewer sees it.
	 */
	List<CaseListRow> rows(PortalUser viewer, Specification<Case> spec, int offset, int limit) {
		return read(viewer, spec, offset, limit, false);
	}

	/**
	 * The same for the caseworker's queue, each row also with who is responsible, when
	 * the customer last wrote and when its next service-level target falls due.
	 */
	List<CaseListRow> queueRows(PortalUser viewer, Specification<Case> spec, int offset, int limit) {
		return read(viewer, spec, offset, limit, true);
	}

	/**
	 * Every row {@code spec} finds, up to {@code limit}, in its order, with who is
	 * responsible: read from a database cursor a batch at a time, so a long export never
	 * holds more than one batch. The caller closes the stream inside its transaction.
	 */
	Stream<CaseListRow> stream(PortalUser viewer, Specification<Case> spec, int limit) {
		return query(viewer, spec, true).setMaxResults(limit)
			.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
			.setHint(HibernateHints.HINT_READ_ONLY, true)
			.getResultStream()
			.map((t) -> row(t, true, CaseAccessPolicy.actsAsCustomer(viewer)));
	}

	private List<CaseListRow> read(PortalUser viewer, Specification<Case> spec, int offset, int limit, boolean queue) {
		return query(viewer, spec, queue).setFirstResult(offset)
			.setMaxResults(limit)
			.getResultList()
			.stream()
			.map((t) -> row(t, queue, CaseAccessPolicy.actsAsCustomer(viewer)))
			.toList();
	}

	private TypedQuery<Tuple> query(PortalUser viewer, Specification<Case> spec, boolean queue) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Case> c = query.from(Case.class);
		where(query, spec.toPredicate(c, query, cb));
		Expression<String> organization = cb.function(CaseSearchFunctions.ORGANIZATION_NAME, String.class,
				c.get("organizationId"));
		List<Selection<?>> columns = new ArrayList<>(List.of(c.get("id"), c.get("subject"), c.get("category"),
				c.get("status"), c.get("channel"), organization, personName(cb, c.get("reporterId")),
				c.get("createdAt"), CaseAccessPolicy.lastUpdateSeenBy(viewer, c, cb)));
		if (queue) {
			columns.add(personName(cb, c.get("assigneeId")));
			columns.add(c.get("lastCustomerMessageAt"));
			columns.add(c.get("nextDue"));
			columns.add(c.get("assigneeId"));
		}
		if (CaseAccessPolicy.actsAsCustomer(viewer)) {
			columns.add(c.get("centreRepliedAt"));
			columns.add(c.get("statusChangedAt"));
		}
		query.multiselect(columns);
		return this.entityManager.createQuery(query);
	}

	private static Expression<String> personName(CriteriaBuilder cb, Expression<Long> id) {
		return cb.function(CaseSearchFunctions.PERSON_NAME, String.class, id);
	}

	private static CaseListRow row(Tuple t, boolean queue, boolean customer) {
		int news = queue ? 13 : 9;
		return new CaseListRow(t.get(0, Long.class), t.get(1, String.class), t.get(2, Category.class),
				t.get(3, CaseStatus.class), t.get(4, Channel.class), orUnknown(t.get(5, String.class)),
				orUnknown(t.get(6, String.class)), t.get(7, Instant.class), t.get(8, Instant.class),
				queue ? t.get(9, String.class) : null, queue ? t.get(10, Instant.class) : null,
				queue ? t.get(11, Instant.class) : null, null, customer ? t.get(news, Instant.class) : null,
				customer ? t.get(news + 1, Instant.class) : null, queue ? t.get(12, Long.class) : null,
				CaseListRow.Marks.NONE);
	}

	private static String orUnknown(String name) {
		return (name != null) ? name : "?";
	}

	private static void where(CriteriaQuery<?> query, Predicate predicate) {
		if (predicate != null) {
			query.where(predicate);
		}
	}

}
