package no.dfo.kundesenter.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A case (sak): what a customer asked the centre, the conversation about it, and where it
 * stands. People and agencies are referred to by id; they belong to the access module.
 */
@Entity
@Table(name = "support_case")
public class Case {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_id")
	@SequenceGenerator(name = "case_id", sequenceName = "case_id_seq", allocationSize = 1)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Category category;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseStatus status;

	@Column(nullable = false)
	private String subject;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(name = "reporter_id", nullable = false)
	private long reporterId;

	@Column(name = "assignee_id")
	private @Nullable Long assigneeId;

	@Embedded
	private @Nullable PaymentVoucher voucher;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "case_id", nullable = false, updatable = false)
	@OrderBy("createdAt, id")
	private List<Message> messages = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "case_id", nullable = false, updatable = false)
	@OrderBy("changedAt, id")
	private List<StatusChange> statusHistory = new ArrayList<>();

	protected Case() {
	}

	/**
	 * Opens a new case with its first message. Every new case starts
	 * {@link CaseStatus#ACTIVE}.
	 */
	public static Case open(NewCase request, Channel channel, long organizationId, long reporterId, long registeredBy,
			Instant now) {
		if (request.voucher() != null && request.category() != Category.PAYROLL) {
			throw new IllegalArgumentException("Only payroll cases carry a payment voucher");
		}
		Case opened = new Case();
		opened.category = request.category();
		opened.channel = channel;
		opened.subject = request.subject();
		opened.organizationId = organizationId;
		opened.reporterId = reporterId;
		opened.voucher = request.voucher();
		opened.status = CaseStatus.ACTIVE;
		opened.createdAt = now;
		opened.updatedAt = now;
		AuthorSide side = (registeredBy == reporterId) ? AuthorSide.CUSTOMER : AuthorSide.CENTRE;
		opened.messages.add(new Message(registeredBy, side, request.message(), false, now));
		opened.statusHistory.add(new StatusChange(null, CaseStatus.ACTIVE, registeredBy, now));
		return opened;
	}

	public Long getId() {
		return this.id;
	}

	public Category getCategory() {
		return this.category;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public String getSubject() {
		return this.subject;
	}

	public long getOrganizationId() {
		return this.organizationId;
	}

	public long getReporterId() {
		return this.reporterId;
	}

	public @Nullable Long getAssigneeId() {
		return this.assigneeId;
	}

	public @Nullable PaymentVoucher getVoucher() {
		return this.voucher;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public List<Message> getMessages() {
		return Collections.unmodifiableList(this.messages);
	}

	public List<StatusChange> getStatusHistory() {
		return Collections.unmodifiableList(this.statusHistory);
	}

}
