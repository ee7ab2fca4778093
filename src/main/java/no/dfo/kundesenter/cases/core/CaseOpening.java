package no.dfo.kundesenter.cases.core;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * When a person last opened a case: what is new to them is what happened since. Written
 * by {@link CaseOpenings}; mapped so list queries can look it up beside each row.
 */
@Entity
@Table(name = "case_opened")
@IdClass(CaseOpening.Key.class)
public class CaseOpening {

	@Id
	@Column(name = "user_id")
	private long userId;

	@Id
	@Column(name = "case_id")
	private long caseId;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	/** Whether the case was answered or moved since; kept by the database (V34). */
	@Column(name = "news", nullable = false, insertable = false, updatable = false)
	private boolean news;

	protected CaseOpening() {
	}

	public long getUserId() {
		return this.userId;
	}

	public long getCaseId() {
		return this.caseId;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public boolean isNews() {
		return this.news;
	}

	/** The primary key: one row per person and case. */
	public record Key(long userId, long caseId) implements Serializable {
	}

}
