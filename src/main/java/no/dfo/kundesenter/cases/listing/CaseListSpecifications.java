package no.dfo.kundesenter.cases.listing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * The case list's filters, free-text search and order as JPA specifications. Always
 * combined with {@link CaseAccessPolicy#visibleTo}, so what is filtered, counted and
 * sorted is only ever what the viewer may see.
 */
final class CaseListSpecifications {

	private CaseListSpecifications() {
	}

	/**
	 * @param zone where the query's dates begin and end
	 */
	static Specification<Case> of(PortalUser viewer, CaseQuery query, ZoneId zone) {
		return CaseAccessPolicy.visibleTo(viewer).and(narrowing(viewer, query, zone));
	}

	/**
	 * Everything but the access policy: scope, filters, free text and order. Only ever
	 * used together with the policy or a part of it.
	 */
	static Specification<Case> narrowing(PortalUser viewer, CaseQuery query, ZoneId zone) {
		Specification<Case> spec = filters(query, zone);
		if (query.scope() == CaseListScope.OWN) {
			spec = spec.and(CaseAccessPolicy.reportedBy(viewer));
		}
		return spec.and(matching(query.text(), viewer)).and(ordered(query.sort(), query.descending(), viewer));
	}

	private static Specification<Case> filters(CaseQuery q, ZoneId zone) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (!q.statuses().isEmpty()) {
				all.add(root.get("status").in(q.statuses()));
			}
			if (q.category() != null) {
				all.add(cb.equal(root.get("category"), q.category()));
			}
			if (q.channel() != null) {
				all.add(cb.equal(root.get("channel"), q.channel()));
			}
			LocalDate from = q.from();
			if (from != null) {
				all.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from.atStartOfDay(zone).toInstant()));
			}
			LocalDate to = q.to();
			if (to != null) {
				all.add(cb.lessThan(root.get("createdAt"), to.plusDays(1).atStartOfDay(zone).toInstant()));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	/**
	 * Free text: the words (Norwegian stemming) in the subject or a message the viewer
	 * may see, or the text as part of the subject.
	 */
	private static Specification<Case> matching(@Nullable String text, PortalUser viewer) {
		boolean internalNotes = !CaseAccessPolicy.internalNoteCategories(viewer).isEmpty();
		Specification<Case> internalNotesSeen = CaseAccessPolicy.internalNotesSeenBy(viewer);
		return (root, query, cb) -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			List<Predicate> anyOf = new ArrayList<>();
			anyOf.add(isTrue(cb, cb.function(CaseSearchFunctions.FTS_MATCH, Boolean.class, root.get("searchPublic"),
					cb.literal(text))));
			if (internalNotes) {
				Predicate inInternalNotes = isTrue(cb, cb.function(CaseSearchFunctions.FTS_MATCH, Boolean.class,
						root.get("searchInternal"), cb.literal(text)));
				Predicate notesSeen = internalNotesSeen.toPredicate(root, query, cb);
				anyOf.add((notesSeen != null) ? cb.and(notesSeen, inInternalNotes) : inInternalNotes);
			}
			anyOf.add(isTrue(cb, cb.function(CaseSearchFunctions.TEXT_CONTAINS, Boolean.class, root.get("subject"),
					cb.literal(containsPattern(text)))));
			return cb.or(anyOf.toArray(Predicate[]::new));
		};
	}

	/**
	 * Codes in the order of their Norwegian names (Lønn before Regnskap, E-post before
	 * Nett before Telefon), so the list sorts the way it reads.
	 */
	@SafeVarargs
	private static <E extends Enum<E>> Expression<Integer> rank(CriteriaBuilder cb, Expression<E> code,
			E... inNorwegianOrder) {
		CriteriaBuilder.SimpleCase<E, Integer> rank = cb.selectCase(code);
		for (int i = 0; i < inNorwegianOrder.length; i++) {
			rank = rank.when(inNorwegianOrder[i], i);
		}
		return rank.otherwise(inNorwegianOrder.length);
	}

	private static Predicate isTrue(CriteriaBuilder cb, Expression<Boolean> condition) {
		return cb.isTrue(condition);
	}

	/** An ILIKE pattern for "contains the text", with {@code !} escaping wildcards. */
	static String containsPattern(String text) {
		String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	/**
	 * The order, with the id as tie-breaker so pages never overlap. Count queries get
	 * none.
	 */
	private static Specification<Case> ordered(CaseSort sort, boolean descending, PortalUser viewer) {
		return (root, query, cb) -> {
			if (query.getResultType() == Long.class || query.getResultType() == long.class) {
				return null;
			}
			Expression<?> key = switch (sort) {
				case ID -> root.get("id");
				case SUBJECT -> cb.lower(root.get("subject"));
				case CATEGORY -> rank(cb, root.get("category"), Category.PAYROLL, Category.ACCOUNTING);
				case STATUS -> rank(cb, root.get("status"), CaseStatus.ACTIVE, CaseStatus.CLOSED,
						CaseStatus.IN_PROGRESS, CaseStatus.POSTPONED, CaseStatus.WAITING_FOR_CUSTOMER);
				case CHANNEL -> rank(cb, root.get("channel"), Channel.EMAIL, Channel.API, Channel.WEB, Channel.PHONE);
				case REPORTER -> cb.function(CaseSearchFunctions.PERSON_NAME, String.class, root.get("reporterId"));
				case CREATED -> root.get("createdAt");
				case UPDATED -> CaseAccessPolicy.lastUpdateSeenBy(viewer, root, cb);
			};
			List<Order> orders = new ArrayList<>();
			orders.add(descending ? cb.desc(key) : cb.asc(key));
			if (sort != CaseSort.ID) {
				orders.add(descending ? cb.desc(root.get("id")) : cb.asc(root.get("id")));
			}
			query.orderBy(orders);
			return null;
		};
	}

}
