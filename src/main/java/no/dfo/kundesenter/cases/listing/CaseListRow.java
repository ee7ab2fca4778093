package no.dfo.kundesenter.cases.listing;

import java.time.Duration;
import java.time.Instant;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One line of a case list (the list, a search, the caseworker's queue), with who reported
 * it, for which agency and, in the queue, who is responsible: all read in one statement
 * ({@link CaseListQueries}).
 *
 * @param updatedAt the case's last update as the viewer sees it
 * ({@link no.dfo.kundesenter.cases.core.CaseAccessPolicy#lastUpdateSeenBy})
 * @param assigneeName the caseworker responsible; {@literal null} if nobody is, and
 * outside the queue
 * @param waitingSince when the customer last wrote, in the queue; {@literal null} outside
 * it
 * @param due in the queue, when the case's earliest open service-level target falls due;
 * {@literal null} while its clock stands still, and outside the queue
 * @param snippetHtml where a free-text search matched a message: escaped text with the
 * matching words in {@code <mark>}, safe to output as HTML; {@literal null} if not
 * searched or matched in the subject only
 * @param centreRepliedAt when the centre last answered publicly, for agency-side viewers;
 * {@literal null} otherwise
 * @param statusChangedAt when a caseworker last moved the status, for agency-side
 * viewers; {@literal null} otherwise
 * @param assigneeId the caseworker responsible, in the queue
 */
public record CaseListRow(long id, String subject, Category category, CaseStatus status, Channel channel,
		String organizationName, String reporterName, Instant createdAt, Instant updatedAt,
		@Nullable String assigneeName, @Nullable Instant waitingSince, @Nullable Instant due,
		@Nullable String snippetHtml, @Nullable Instant centreRepliedAt, @Nullable Instant statusChangedAt,
		@Nullable Long assigneeId, Marks marks) {

	public CaseListRow(long id, String subject, Category category, CaseStatus status, Channel channel,
			String organizationName, String reporterName, Instant createdAt, Instant updatedAt,
			@Nullable String assigneeName, @Nullable Instant waitingSince, @Nullable Instant due,
			@Nullable String snippetHtml) {
		this(id, subject, category, status, channel, organizationName, reporterName, createdAt, updatedAt, assigneeName,
				waitingSince, due, snippetHtml, null, null, null, Marks.NONE);
	}

	CaseListRow withSnippet(@Nullable String html) {
		return new CaseListRow(this.id, this.subject, this.category, this.status, this.channel, this.organizationName,
				this.reporterName, this.createdAt, this.updatedAt, this.assigneeName, this.waitingSince, this.due, html,
				this.centreRepliedAt, this.statusChangedAt, this.assigneeId, this.marks);
	}

	CaseListRow withMarks(Marks marks) {
		return new CaseListRow(this.id, this.subject, this.category, this.status, this.channel, this.organizationName,
				this.reporterName, this.createdAt, this.updatedAt, this.assigneeName, this.waitingSince, this.due,
				this.snippetHtml, this.centreRepliedAt, this.statusChangedAt, this.assigneeId, marks);
	}

	/**
	 * What is new on the case ({@link CaseNews}).
	 *
	 * @param newReply to the agency-side viewer: the centre answered since they last
	 * opened the case ("Nytt svar")
	 * @param newStatus to the agency-side viewer: a caseworker moved the status since
	 * ("Ny status")
	 * @param unreadCustomerMessage in the queue: the customer wrote after the assignee
	 * last opened the case
	 */
	public record Marks(boolean newReply, boolean newStatus, boolean unreadCustomerMessage) {

		public static final Marks NONE = new Marks(false, false, false);

		public boolean any() {
			return this.newReply || this.newStatus || this.unreadCustomerMessage;
		}

	}

	/**
	 * How long the case has waited for the centre at {@code now}: zero when it is not
	 * waiting, or when {@code now} is before {@link #waitingSince}.
	 */
	public Duration waitedAt(Instant now) {
		if (this.waitingSince == null || now.isBefore(this.waitingSince)) {
			return Duration.ZERO;
		}
		return Duration.between(this.waitingSince, now);
	}

}
