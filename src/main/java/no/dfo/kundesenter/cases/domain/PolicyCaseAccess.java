package no.dfo.kundesenter.cases.domain;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PolicyCaseAccess implements CaseAccess {

	private final CaseRepository cases;

	PolicyCaseAccess(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public boolean isVisible(long caseId, PortalUser viewer) {
		return this.cases.exists(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(caseId)));
	}

	@Override
	public boolean seesInternalNotes(long caseId, PortalUser viewer) {
		return this.cases.exists(CaseAccessPolicy.visibleTo(viewer)
			.and(CaseAccessPolicy.withId(caseId))
			.and(CaseAccessPolicy.internalNotesSeenBy(viewer)));
	}

}
