package no.dfo.kundesenter.cases.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.Category;
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
		return (root, query, cb) -> {
			List<Predicate> anyOf = new ArrayList<>();
			if (viewer.hasRole(Role.REPORTER) || viewer.hasRole(Role.PAYROLL_SPECIALIST)
					|| viewer.hasRole(Role.ACCOUNTING_SPECIALIST)) {
				anyOf.add(cb.equal(root.get("reporterId"), viewer.id()));
			}
			if (viewer.hasRole(Role.PAYROLL_SPECIALIST)) {
				anyOf.add(cb.and(cb.equal(root.get("organizationId"), viewer.organizationId()),
						cb.equal(root.get("category"), Category.PAYROLL)));
			}
			if (viewer.hasRole(Role.ACCOUNTING_SPECIALIST)) {
				anyOf.add(cb.and(cb.equal(root.get("organizationId"), viewer.organizationId()),
						cb.equal(root.get("category"), Category.ACCOUNTING)));
			}
			if (viewer.hasRole(Role.PAYROLL_CASEWORKER)) {
				anyOf.add(cb.equal(root.get("category"), Category.PAYROLL));
			}
			if (viewer.hasRole(Role.ACCOUNTING_CASEWORKER)) {
				anyOf.add(cb.equal(root.get("category"), Category.ACCOUNTING));
			}
			return anyOf.isEmpty() ? cb.disjunction() : cb.or(anyOf.toArray(Predicate[]::new));
		};
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
	 * Whether the viewer sees internal notes: caseworkers only, never agency-side users.
	 */
	public static boolean seesInternalNotes(PortalUser viewer) {
		return viewer.isCaseworker();
	}

	/**
	 * Whether the viewer may register cases for themselves (agency side).
	 */
	public static boolean mayRegister(PortalUser viewer) {
		return viewer.hasRole(Role.REPORTER) || viewer.hasRole(Role.PAYROLL_SPECIALIST)
				|| viewer.hasRole(Role.ACCOUNTING_SPECIALIST);
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
