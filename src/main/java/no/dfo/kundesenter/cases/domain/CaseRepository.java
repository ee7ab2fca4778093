package no.dfo.kundesenter.cases.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Cases. Reads for people go through {@link CaseAccessPolicy} specifications.
 */
public interface CaseRepository extends JpaRepository<Case, Long>, JpaSpecificationExecutor<Case> {

}
