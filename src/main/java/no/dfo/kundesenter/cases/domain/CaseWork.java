package no.dfo.kundesenter.cases.domain;

import java.time.Instant;

import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.CaseAssigned;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseOpened;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseworker's own actions besides writing: who is responsible for a case, and
 * registering a case that came by phone.
 */
@Service
@Transactional
public class CaseWork {

	private final CaseActions actions;

	private final UserDirectory directory;

	CaseWork(CaseActions actions, UserDirectory directory) {
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
		c.assign(assigneeId, caseworker.id(), CaseActions.now());
		this.actions.save(c);
		this.actions.assigned(c, new CaseAssigned(c.getId(), assigneeId, caseworker.id()), caseworker);
	}

	/**
	 * A caseworker registers a case a customer phoned in. The caseworker writes the first
	 * message (author side: the centre); the case belongs to the customer and their
	 * agency and shows in their list like any other case.
	 * @param reporterId an agency-side person
	 * @return the new case's id
	 * @throws CaseNotFoundException if the caseworker does not work the case's category
	 * @throws IllegalArgumentException if the reporter is not an agency-side person
	 */
	public long registerByPhone(NewCase request, long reporterId, PortalUser caseworker) {
		if (!CaseAccessPolicy.worksOn(caseworker, request.category())) {
			throw new CaseNotFoundException(0);
		}
		Person reporter = this.directory.agencyPerson(reporterId)
			.orElseThrow(() -> new IllegalArgumentException("No agency-side person " + reporterId));
		Instant now = CaseActions.now();
		Case opened = this.actions
			.save(Case.open(request, Channel.PHONE, reporter.organizationId(), reporter.id(), caseworker.id(), now));
		this.actions
			.opened(new CaseOpened(opened.getId(), opened.getMessages().get(0).getId(), opened.getOrganizationId(),
					reporter.id(), caseworker.id(), opened.getCategory(), opened.getChannel(), request.attachmentIds()),
					caseworker);
		return opened.getId();
	}

}
