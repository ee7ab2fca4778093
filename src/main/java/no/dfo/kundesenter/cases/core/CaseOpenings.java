package no.dfo.kundesenter.cases.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * Each person's last opening of each case (decision 0076).
 */
@Component
public class CaseOpenings {

	private final EntityManager entityManager;

	CaseOpenings(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * The person opened the case at {@code at}; an opening recorded as later stays. The
	 * row's news flag says whether the case was answered or moved after the opening kept
	 * (the database sets it again when that happens, V34).
	 */
	public void record(long caseId, long userId, Instant at) {
		this.entityManager.createNativeQuery("""
				insert into case_opened (user_id, case_id, opened_at, news)
				select ?1, c.id, o.at, coalesce(c.centre_replied_at > o.at or c.status_changed_at > o.at, false)
				from support_case c, (select cast(?3 as timestamptz) as at) o where c.id = ?2
				on conflict (user_id, case_id)
				do update set opened_at = greatest(case_opened.opened_at, excluded.opened_at),
				  news = case when excluded.opened_at >= case_opened.opened_at then excluded.news
				              else case_opened.news end""")
			.setParameter(1, userId)
			.setParameter(2, caseId)
			.setParameter(3, Timestamp.from(at))
			.executeUpdate();
	}

	/**
	 * When the person last opened the case; empty if they never have.
	 */
	public Optional<Instant> lastOpened(long caseId, long userId) {
		List<CaseOpening> found = this.entityManager
			.createQuery("select o from CaseOpening o where o.userId = :user and o.caseId = :case", CaseOpening.class)
			.setParameter("user", userId)
			.setParameter("case", caseId)
			.getResultList();
		return found.stream().findFirst().map(CaseOpening::getOpenedAt);
	}

}
