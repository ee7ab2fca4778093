package no.dfo.kundesenter.cases.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
import no.dfo.kundesenter.cases.targets.ServiceTargets;
import org.jspecify.annotations.Nullable;

/**
 * A case (sak): what a customer asked the centre, the conversation about it, and where it
 * stands. People and agencies are referred to by id; they belong to the access module.
 * <p>
 * Longer than most classes on purpose: the aggregate's mapping, every rule it guards
 * (status moves, who writes what, assignment) and its getters stay in one place, so no
 * rule can be changed from outside it.
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

	/**
	 * When the case last changed in a way its customer sees: opened, a public message or
	 * a status change. Internal notes and assignments leave it as it was.
	 */
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * When anything last happened on the case, internal notes and assignments included.
	 */
	@Column(name = "activity_at", nullable = false)
	private Instant activityAt;

	/**
	 * When the customer last wrote; the queue shows how long the case has waited since.
	 */
	@Column(name = "last_customer_message_at")
	private @Nullable Instant lastCustomerMessageAt;

	/**
	 * When the centre first answered in public; "first answer" in the service-level
	 * targets.
	 */
	@Column(name = "first_answered_at")
	private @Nullable Instant firstAnsweredAt;

	/**
	 * When the case was closed, while it is.
	 */
	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	/**
	 * The service-level targets' due times ({@link ServiceTargets.Dues}), set on every
	 * save ({@link CaseActions#save}).
	 */
	@Column(name = "first_answer_due")
	private @Nullable Instant firstAnswerDue;

	@Column(name = "resolution_due")
	private @Nullable Instant resolutionDue;

	@Column(name = "next_due")
	private @Nullable Instant nextDue;

	/**
	 * When the centre last answered the customer in a public message; what is new to the
	 * agency side.
	 */
	@Column(name = "centre_replied_at")
	private @Nullable Instant centreRepliedAt;

	/**
	 * When a caseworker last moved the status; what is new to the agency side.
	 */
	@Column(name = "status_changed_at")
	private @Nullable Instant statusChangedAt;

	@Version
	private long version;

	/**
	 * The words of the subject and public messages, and of the internal notes, for
	 * full-text search: written only by the database (V10, decision 0050), read only in
	 * queries.
	 */
	@Column(name = "search_public", columnDefinition = "tsvector", insertable = false, updatable = false)
	private @Nullable String searchPublic;

	@Column(name = "search_internal", columnDefinition = "tsvector", insertable = false, updatable = false)
	private @Nullable String searchInternal;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "case_id", nullable = false, updatable = false)
	@OrderBy("createdAt, id")
	private List<Message> messages = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "case_id", nullable = false, updatable = false)
	@OrderBy("changedAt, id")
	private List<StatusChange> statusHistory = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "case_id", nullable = false, updatable = false)
	@OrderBy("assignedAt, id")
	private List<CaseAssignment> assignments = new ArrayList<>();

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
		opened.activityAt = now;
		// A phone call is the customer asking too: the case waits from the moment it
		// opens.
		opened.lastCustomerMessageAt = now;
		// Someone else registering is the centre on the customer's behalf, except an
		// agency's own system, which writes for its agency.
		AuthorSide side = (registeredBy == reporterId || channel == Channel.API) ? AuthorSide.CUSTOMER
				: AuthorSide.CENTRE;
		opened.messages.add(new Message(registeredBy, side, request.message(), false, now));
		opened.statusHistory.add(new StatusChange(null, CaseStatus.ACTIVE, registeredBy, now));
		return opened;
	}

	/**
	 * The customer (or a colleague at their agency) writes on the case. On
	 * {@link CaseStatus#CLOSED} or {@link CaseStatus#WAITING_FOR_CUSTOMER} this moves the
	 * case back to {@link CaseStatus#ACTIVE} and records why; on other statuses the
	 * status stays.
	 * @return the new message (its id is set when the case is flushed)
	 */
	public Message addCustomerMessage(long authorId, String body, Instant now) {
		Message message = append(authorId, AuthorSide.CUSTOMER, body, false, now);
		this.lastCustomerMessageAt = now;
		CaseStatus next = this.status.afterCustomerMessage();
		if (next != this.status) {
			this.statusHistory.add(new StatusChange(this.status, next, authorId, now, true));
			this.status = next;
		}
		return message;
	}

	/**
	 * A caseworker answers the customer. The status stays; use {@link #changeStatus} in
	 * the same action to move it.
	 */
	public Message reply(long caseworkerId, String body, Instant now) {
		if (this.firstAnsweredAt == null) {
			this.firstAnsweredAt = now;
		}
		Message message = append(caseworkerId, AuthorSide.CENTRE, body, false, now);
		this.centreRepliedAt = now;
		return message;
	}

	/**
	 * A caseworker writes a note only caseworkers see.
	 */
	public Message addInternalNote(long caseworkerId, String body, Instant now) {
		return append(caseworkerId, AuthorSide.CENTRE, body, true, now);
	}

	/**
	 * A caseworker moves the case to another status.
	 * @param reason the public message posted in the same action, {@literal null} if
	 * none; {@link CaseStatus#POSTPONED} requires one
	 * @throws IllegalStateException if the move is not allowed from the current status,
	 * or Utsatt is set without a public message saying why
	 */
	public void changeStatus(CaseStatus target, long caseworkerId, @Nullable Message reason, Instant now) {
		if (!this.status.canTransitionTo(target)) {
			throw new IllegalStateException("Case " + this.id + " cannot go from " + this.status + " to " + target);
		}
		if (target.requiresPublicMessage()
				&& (reason == null || reason.isInternal() || !this.messages.contains(reason))) {
			throw new IllegalStateException("Setting " + target + " requires a public message saying why");
		}
		this.statusHistory.add(new StatusChange(this.status, target, caseworkerId, now));
		this.status = target;
		this.statusChangedAt = now;
		this.updatedAt = now;
		this.activityAt = now;
	}

	/**
	 * Sets when the service-level targets fall due, from the status history as it is now.
	 */
	public void computeDues(ServiceTargets targets) {
		List<ServiceTargets.Change> history = this.statusHistory.stream()
			.map((change) -> new ServiceTargets.Change(change.getChangedAt(), change.getToStatus()))
			.toList();
		if (history.isEmpty()) {
			history = List.of(new ServiceTargets.Change(this.createdAt, this.status));
		}
		ServiceTargets.Dues dues = targets.dues(this.category, history, this.firstAnsweredAt);
		this.firstAnswerDue = dues.firstAnswerDue();
		this.resolutionDue = dues.resolutionDue();
		this.nextDue = dues.next();
		this.closedAt = dues.closedAt();
	}

	/**
	 * Reads when the centre first answered from the messages, for a case written without
	 * it: the first public message from the centre after the opening one.
	 */
	void findFirstAnswer() {
		if (this.firstAnsweredAt == null) {
			this.firstAnsweredAt = this.messages.stream()
				.skip(1)
				.filter((m) -> m.getAuthorSide() == AuthorSide.CENTRE && !m.isInternal())
				.map(Message::getCreatedAt)
				.findFirst()
				.orElse(null);
		}
	}

	/**
	 * Makes a caseworker responsible for the case, or nobody.
	 * @param assigneeId {@literal null} to unassign
	 * @throws IllegalStateException if the case already has exactly that assignee
	 */
	public void assign(@Nullable Long assigneeId, long assignedBy, Instant now) {
		if (Objects.equals(assigneeId, this.assigneeId)) {
			throw new IllegalStateException("Case " + this.id + " is already assigned that way");
		}
		this.assigneeId = assigneeId;
		this.assignments.add(new CaseAssignment(assigneeId, assignedBy, now));
		this.activityAt = now;
	}

	/**
	 * Removes the caseworker responsible.
	 * @throws IllegalStateException if nobody is assigned
	 */
	public void unassign(long by, Instant now) {
		assign(null, by, now);
	}

	private Message append(long authorId, AuthorSide side, String body, boolean internal, Instant now) {
		if (body.isBlank()) {
			throw new IllegalArgumentException("A message needs text");
		}
		if (body.length() > Message.MAX_LENGTH) {
			throw new IllegalArgumentException("A message holds at most " + Message.MAX_LENGTH + " characters");
		}
		Message message = new Message(authorId, side, body, internal, now);
		this.messages.add(message);
		if (!internal) {
			this.updatedAt = now;
		}
		this.activityAt = now;
		return message;
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

	public Instant getActivityAt() {
		return this.activityAt;
	}

	public @Nullable Instant getLastCustomerMessageAt() {
		return this.lastCustomerMessageAt;
	}

	public @Nullable Instant getFirstAnsweredAt() {
		return this.firstAnsweredAt;
	}

	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

	public @Nullable Instant getFirstAnswerDue() {
		return this.firstAnswerDue;
	}

	public @Nullable Instant getResolutionDue() {
		return this.resolutionDue;
	}

	public @Nullable Instant getNextDue() {
		return this.nextDue;
	}

	public @Nullable Instant getCentreRepliedAt() {
		return this.centreRepliedAt;
	}

	public @Nullable Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	public List<CaseAssignment> getAssignments() {
		return Collections.unmodifiableList(this.assignments);
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
