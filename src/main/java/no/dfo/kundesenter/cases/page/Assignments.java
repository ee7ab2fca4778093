package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.CaseAssigned;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseActions;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is responsible for a case.
 */
@Service
@Transactional
public class Assignments {

	private final CaseActions actions;

	private final UserDirectory directory;

	Assignments(CaseActions actions, UserDirectory directory) {
		this.actions = actions;
		this.directory = directory;
	}

	/**
	 * Makes a caseworker of the case's category responsible for it, or nobody.
	 * @param assigneeId {@literal null} to unassign
	 * @throws CaseNotFoundException for anyone but a caseworker of the category
	 * @throws CaseChangedException if the case changed since the caseworker's page was
	 * shown
	 * @throws IllegalArgumentException if the assignee is not a caseworker of the
	 * category
	 * @throws IllegalStateException if the case already has exactly that assignee
	 */
	public void assign(long caseId, @Nullable Long assigneeId, long expectedVersion, PortalUser caseworker) {
		Case c = this.actions.lockForCaseworker(caseId, caseworker, expectedVersion);
		if (assigneeId != null && this.directory.withRole(CaseAccessPolicy.caseworkerRole(c.getCategory()))
			.stream()
			.noneMatch((p) -> p.id() == assigneeId)) {
			throw new IllegalArgumentException("Not a caseworker of " + c.getCategory());
		}
		c.assign(assigneeId, caseworker.id(), this.actions.now());
		this.actions.save(c);
		this.actions.assigned(c, new CaseAssigned(c.getId(), assigneeId, caseworker.id()), caseworker);
	}

}
