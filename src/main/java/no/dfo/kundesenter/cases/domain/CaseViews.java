package no.dfo.kundesenter.cases.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;

/**
 * Read models of cases for pages. Times are in Norwegian local time.
 */
public final class CaseViews {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private CaseViews() {
	}

	static ZonedDateTime local(Instant instant) {
		return instant.atZone(OSLO);
	}

	/**
	 * One line of the case list, with who reported it and for which agency.
	 *
	 * @param updatedAt the case's last update as the viewer sees it
	 * ({@link CaseAccessPolicy#lastUpdateSeenBy(no.dfo.kundesenter.access.PortalUser, Case)})
	 * @param snippetHtml where a free-text search matched a message: escaped text with
	 * the matching words in {@code <mark>}, safe to output as HTML; {@literal null} if
	 * not searched or matched in the subject only
	 */
	public record CaseListRow(long id, String subject, Category category, CaseStatus status, Channel channel,
			String organizationName, String reporterName, ZonedDateTime createdAt, ZonedDateTime updatedAt,
			@Nullable String snippetHtml) {

		CaseListRow withSnippet(@Nullable String html) {
			return new CaseListRow(this.id, this.subject, this.category, this.status, this.channel,
					this.organizationName, this.reporterName, this.createdAt, this.updatedAt, html);
		}

	}

	/**
	 * One page of the case list.
	 *
	 * @param countStopped whether a search found more cases than it counts: the page's
	 * total is then {@link CaseService#SEARCH_LIMIT} and only that many can be paged
	 * through
	 */
	public record CaseListPage(Page<CaseListRow> page, boolean countStopped) {
	}

	/**
	 * One case as the viewer may see it.
	 *
	 * @param updatedAt the case's last update as the viewer sees it
	 * ({@link CaseAccessPolicy#lastUpdateSeenBy(no.dfo.kundesenter.access.PortalUser, Case)})
	 */
	public record CaseDetailView(long id, String subject, Category category, Channel channel, CaseStatus status,
			String organizationName, String reporterName, ZonedDateTime createdAt, ZonedDateTime updatedAt,
			@Nullable VoucherView voucher, List<MessageView> messages, List<StatusChangeView> statusHistory) {
	}

	public record VoucherView(String employeeNumber, String employeeName, String payPeriod, BigDecimal amount,
			@Nullable String note) {

		static @Nullable VoucherView of(@Nullable PaymentVoucher voucher) {
			return (voucher != null) ? new VoucherView(voucher.getEmployeeNumber(), voucher.getEmployeeName(),
					voucher.getPayPeriod(), voucher.getAmount(), voucher.getNote()) : null;
		}

	}

	public record MessageView(long id, String authorName, AuthorSide authorSide, String body, boolean internal,
			ZonedDateTime createdAt) {
	}

	public record StatusChangeView(@Nullable CaseStatus fromStatus, CaseStatus toStatus, String changedByName,
			ZonedDateTime changedAt) {
	}

	/**
	 * The case page's working data: for caseworkers of the case's category
	 * ({@code caseworker}) the version their forms send back, the assignee, colleagues to
	 * assign to and the statuses they may set; for everyone the timeline they may see.
	 */
	public record WorkspaceView(long caseId, long version, CaseStatus status, Category category, boolean caseworker,
			boolean customer, @Nullable Long assigneeId, @Nullable String assigneeName, List<Person> colleagues,
			List<CaseStatus> nextStatuses, List<TimelineEntry> timeline) {
	}

	/**
	 * One thing that happened on a case: a message, a status change or an assignment.
	 */
	public record TimelineEntry(Kind kind, ZonedDateTime at, String actorName, @Nullable AuthorSide side,
			boolean internal, @Nullable CaseStatus fromStatus, @Nullable CaseStatus toStatus,
			boolean causedByCustomerMessage, @Nullable String assigneeName) {

		/**
		 * In this order when at the same moment: the message first, then what it caused.
		 */
		public enum Kind {

			MESSAGE, STATUS, ASSIGNMENT

		}

	}

	/**
	 * One row of the caseworker queue.
	 */
	public record QueueRow(long id, String subject, String organizationName, String reporterName, CaseStatus status,
			Channel channel, @Nullable String assigneeName, @Nullable ZonedDateTime waitingSince, long waitingDays,
			long waitingHours) {
	}

}
