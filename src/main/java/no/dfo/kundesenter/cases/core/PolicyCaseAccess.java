package no.dfo.kundesenter.cases.core;

import java.util.List;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
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

	@Override
	public List<Category> categoriesWorkedOnBy(PortalUser viewer) {
		return CaseAccessPolicy.caseworkerCategories(viewer);
	}

}
