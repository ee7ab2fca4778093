package no.dfo.kundesenter.cases.core;

import java.util.Optional;

import no.dfo.kundesenter.cases.CaseDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class RepositoryCaseDirectory implements CaseDirectory {

	private final CaseRepository cases;

	RepositoryCaseDirectory(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public Optional<Long> reporterOf(long caseId) {
		return this.cases.findById(caseId).map(Case::getReporterId);
	}

}
