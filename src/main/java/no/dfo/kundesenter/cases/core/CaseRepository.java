package no.dfo.kundesenter.cases.core;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Cases. Reads for people go through {@link CaseAccessPolicy} specifications.
 */
public interface CaseRepository extends JpaRepository<Case, Long>, JpaSpecificationExecutor<Case> {

	/**
	 * Loads a case for changing it, holding its row lock until the transaction ends, so
	 * people writing on one case at once queue up instead of failing (decision 0030).
	 * Check visibility first.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Case c where c.id = :id")
	Optional<Case> findForUpdate(long id);

}
