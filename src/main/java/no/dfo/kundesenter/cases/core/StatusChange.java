package no.dfo.kundesenter.cases.core;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.dfo.kundesenter.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

/**
 * One line of a case's status history: from, to, who and when.
 */
@Entity
@Table(name = "status_change")
public class StatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private @Nullable CaseStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status", nullable = false)
	private CaseStatus toStatus;

	@Column(name = "changed_by", nullable = false)
	private long changedBy;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	/** The customer wrote on a closed or waiting case, which reopened it. */
	@Column(name = "caused_by_customer_message", nullable = false)
	private boolean causedByCustomerMessage;

	protected StatusChange() {
	}

	StatusChange(@Nullable CaseStatus fromStatus, CaseStatus toStatus, long changedBy, Instant changedAt) {
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	StatusChange(CaseStatus fromStatus, CaseStatus toStatus, long changedBy, Instant changedAt,
			boolean causedByCustomerMessage) {
		this(fromStatus, toStatus, changedBy, changedAt);
		this.causedByCustomerMessage = causedByCustomerMessage;
	}

	public @Nullable CaseStatus getFromStatus() {
		return this.fromStatus;
	}

	public CaseStatus getToStatus() {
		return this.toStatus;
	}

	public long getChangedBy() {
		return this.changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public boolean isCausedByCustomerMessage() {
		return this.causedByCustomerMessage;
	}

}
