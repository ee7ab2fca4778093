package no.dfo.kundesenter.cases.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * Who sees which case, as one query predicate: the only place this rule is written.
 * Lists, counts, search and every endpoint that reads or changes a case combine it with
 * their own criteria, so filtering always happens in the database.
 */
public final class CaseAccessPolicy {

	private CaseAccessPolicy() {
	}

	/**
	 * Cases the viewer may see: their own; for a fagbruker also the agency's cases in
	 * their category; for a caseworker every case in their category. An administrator
	 * sees none.
	 */
	public static Specification<Case> visibleTo(PortalUser viewer) {
		Specification<Case> throughRole = throughRole(viewer);
		if (!mayRegister(viewer)) {
			return (throughRole != null) ? throughRole : (root, query, cb) -> cb.disjunction();
		}
		return (throughRole != null) ? Specification.anyOf(reportedBy(viewer), throughRole) : reportedBy(viewer);
	}

	/**
	 * The part of {@link #visibleTo} the viewer sees through their role rather than as
	 * the reporter: the agency's cases in their category for a fagbruker, every case in
	 * their category for a caseworker; {@literal null} for an innmelder or administrator.
	 * The rest of what they see is their own cases ({@link #reportedBy}), when they
	 * {@link #mayRegister}.
	 */
	public static @Nullable Specification<Case> throughRole(PortalUser viewer) {
		List<Specification<Case>> anyOf = new ArrayList<>();
		if (viewer.hasRole(Role.PAYROLL_SPECIALIST)) {
			anyOf.add(agencyCases(viewer, Category.PAYROLL));
		}
		if (viewer.hasRole(Role.ACCOUNTING_SPECIALIST)) {
			anyOf.add(agencyCases(viewer, Category.ACCOUNTING));
		}
		if (viewer.hasRole(Role.PAYROLL_CASEWORKER)) {
			anyOf.add((root, query, cb) -> cb.equal(root.get("category"), Category.PAYROLL));
		}
		if (viewer.hasRole(Role.ACCOUNTING_CASEWORKER)) {
			anyOf.add((root, query, cb) -> cb.equal(root.get("category"), Category.ACCOUNTING));
		}
		return switch (anyOf.size()) {
			case 0 -> null;
			case 1 -> anyOf.get(0);
			default -> Specification.anyOf(anyOf);
		};
	}

	private static Specification<Case> agencyCases(PortalUser viewer, Category category) {
		return (root, query, cb) -> cb.and(cb.equal(root.get("organizationId"), viewer.organizationId()),
				cb.equal(root.get("category"), category));
	}

	/**
	 * Cases the person reported themselves.
	 */
	public static Specification<Case> reportedBy(PortalUser reporter) {
		return (root, query, cb) -> cb.equal(root.get("reporterId"), reporter.id());
	}

	/**
	 * The case with the given id (combine with {@link #visibleTo}).
	 */
	public static Specification<Case> withId(long id) {
		return (root, query, cb) -> cb.equal(root.get("id"), id);
	}

	/**
	 * Whether the viewer sees the internal notes of a case in the category they may see,
	 * and with them everything else only the centre sees of it: its assignments, who
	 * opened it, notices that failed, and its last activity of any kind. Caseworkers of
	 * the category only; the one rule every page and query of internal notes follows.
	 */
	public static boolean seesInternalNotes(PortalUser viewer, Category category) {
		return worksOn(viewer, category);
	}

	/**
	 * Of the cases the viewer may see, those whose internal notes they see
	 * ({@link #seesInternalNotes(PortalUser, Category)}) as a predicate: none for
	 * agency-side users, no restriction when that is every case they may see, else their
	 * categories. Combine with {@link #visibleTo}.
	 */
	public static Specification<Case> internalNotesSeenBy(PortalUser viewer) {
		List<Category> categories = internalNoteCategories(viewer);
		return (root, query, cb) -> {
			if (categories.isEmpty()) {
				return cb.disjunction();
			}
			return seesInternalNotesOfAll(viewer) ? null : root.get("category").in(categories);
		};
	}

	/**
	 * When the case last changed as the viewer sees it: its last activity of any kind
	 * where they see its internal notes, else the last change its customer saw.
	 */
	public static Instant lastUpdateSeenBy(PortalUser viewer, Case c) {
		return seesInternalNotes(viewer, c.getCategory()) ? c.getActivityAt() : c.getUpdatedAt();
	}

	/**
	 * {@link #lastUpdateSeenBy(PortalUser, Case)} in a query: a plain column for everyone
	 * but a caseworker who also reports cases, so the list's order can be read from an
	 * index.
	 */
	public static Expression<Instant> lastUpdateSeenBy(PortalUser viewer, Root<Case> root, CriteriaBuilder cb) {
		List<Category> categories = internalNoteCategories(viewer);
		if (categories.isEmpty()) {
			return root.get("updatedAt");
		}
		if (seesInternalNotesOfAll(viewer)) {
			return root.get("activityAt");
		}
		return cb.<Instant>selectCase()
			.when(root.get("category").in(categories), root.get("activityAt"))
			.otherwise(root.get("updatedAt"));
	}

	/**
	 * The categories in which the viewer sees internal notes.
	 */
	public static List<Category> internalNoteCategories(PortalUser viewer) {
		return Arrays.stream(Category.values()).filter((c) -> seesInternalNotes(viewer, c)).toList();
	}

	/**
	 * Whether the viewer sees the internal notes of every case they may see: a caseworker
	 * who does not also report cases sees only their categories' cases.
	 */
	private static boolean seesInternalNotesOfAll(PortalUser viewer) {
		List<Category> categories = internalNoteCategories(viewer);
		return !categories.isEmpty() && (!mayRegister(viewer) || categories.size() == Category.values().length);
	}

	/**
	 * Whether the viewer may register cases for themselves (agency side).
	 */
	public static boolean mayRegister(PortalUser viewer) {
		return viewer.hasAgencyRole();
	}

	/**
	 * Whether the viewer writes on cases they see as the customer (agency side): as
	 * innmelder or fagbruker. Combine with {@link #visibleTo}.
	 */
	public static boolean actsAsCustomer(PortalUser viewer) {
		return mayRegister(viewer) && !viewer.isCaseworker();
	}

	/**
	 * The categories whose cases the viewer works as caseworker; empty for everyone else.
	 */
	public static List<Category> caseworkerCategories(PortalUser viewer) {
		return Arrays.stream(Category.values()).filter((c) -> viewer.hasRole(caseworkerRole(c))).toList();
	}

	/**
	 * Whether the viewer works cases of the category as caseworker.
	 */
	public static boolean worksOn(PortalUser viewer, Category category) {
		return viewer.hasRole(caseworkerRole(category));
	}

	/**
	 * The role of the caseworkers who handle a category.
	 */
	public static Role caseworkerRole(Category category) {
		return (category == Category.PAYROLL) ? Role.PAYROLL_CASEWORKER : Role.ACCOUNTING_CASEWORKER;
	}

}
