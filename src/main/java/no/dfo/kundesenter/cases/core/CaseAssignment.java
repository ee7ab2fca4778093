package no.dfo.kundesenter.cases.core;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One line of a case's assignment history: who became responsible (or nobody), who
 * decided it, and when.
 */
@Entity
@Table(name = "case_assignment")
public class CaseAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "assignee_id")
	private @Nullable Long assigneeId;

	@Column(name = "assigned_by", nullable = false)
	private long assignedBy;

	@Column(name = "assigned_at", nullable = false)
	private Instant assignedAt;

	protected CaseAssignment() {
	}

	CaseAssignment(@Nullable Long assigneeId, long assignedBy, Instant assignedAt) {
		this.assigneeId = assigneeId;
		this.assignedBy = assignedBy;
		this.assignedAt = assignedAt;
	}

	public @Nullable Long getAssigneeId() {
		return this.assigneeId;
	}

	public long getAssignedBy() {
		return this.assignedBy;
	}

	public Instant getAssignedAt() {
		return this.assignedAt;
	}

}
