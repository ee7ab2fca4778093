package no.dfo.kundesenter.cases.page;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import no.dfo.kundesenter.access.AuditEntry;
import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.cases.CannedTexts.CannedText;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.AuthorSide;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.PaymentVoucher;
import no.dfo.kundesenter.cases.targets.ServiceTargetSettings;
import no.dfo.kundesenter.cases.targets.ServiceTargets;
import org.jspecify.annotations.Nullable;

/**
 * Everything the case page shows one person, read at once: the case, the conversation and
 * its files, the timeline, and for caseworkers of the case's category
 * ({@code caseworker}) the version their forms send back, the assignee, colleagues to
 * assign to, the statuses they may set, ferdigtekster and who has opened the case. Public
 * for the templates.
 *
 * @param version the case's version, which the caseworker's forms send back so that a
 * change made meanwhile is noticed
 * @param customer whether the viewer writes on the case as the customer
 * @param updatedAt the case's last update as the viewer sees it
 * ({@link no.dfo.kundesenter.cases.core.CaseAccessPolicy#lastUpdateSeenBy})
 * @param audit who has opened or changed the case; {@literal null} for everyone but the
 * centre's caseworkers of the category
 * @param serviceLevel the service-level targets and when they fall due; {@literal null}
 * for everyone but the centre's caseworkers of the category
 */
public record CasePage(long id, long version, String subject, Category category, Channel channel, CaseStatus status,
		String organizationName, String reporterName, Instant createdAt, Instant updatedAt,
		@Nullable VoucherView voucher, List<MessageView> messages, List<TimelineEntry> timeline,
		CaseAttachmentsView attachments, boolean caseworker, boolean customer, @Nullable Long assigneeId,
		@Nullable String assigneeName, List<Person> colleagues, List<CaseStatus> nextStatuses,
		List<CannedText> cannedReplies, @Nullable List<AuditEntry> audit, @Nullable ServiceLevel serviceLevel) {

	/**
	 * The case's service-level targets: the first answer within so many working hours,
	 * the case closed within so many working days.
	 *
	 * @param firstAnswerDue {@literal null} while the clock stands still
	 * @param firstAnswerMet whether the answer came in time; {@literal null} until it
	 * comes
	 * @param resolutionMet whether the case was closed in time; {@literal null} while it
	 * is open
	 * @param paused whether the clock stands still now (Venter på kunde, Utsatt)
	 */
	public record ServiceLevel(long firstAnswerHours, int resolutionDays, @Nullable Instant firstAnswerDue,
			@Nullable Boolean firstAnswerMet, @Nullable Instant resolutionDue, @Nullable Boolean resolutionMet,
			boolean paused) {

		static ServiceLevel of(Case c, ServiceTargets targets) {
			ServiceTargetSettings.Target target = targets.target(c.getCategory());
			Instant answeredAt = (c.getFirstAnsweredAt() != null) ? c.getFirstAnsweredAt() : c.getClosedAt();
			return new ServiceLevel(target.firstAnswer().toHours(), target.resolutionDays(), c.getFirstAnswerDue(),
					met(answeredAt, c.getFirstAnswerDue()), c.getResolutionDue(),
					met(c.getClosedAt(), c.getResolutionDue()), c.getStatus().pausesServiceTargets());
		}

		private static @Nullable Boolean met(@Nullable Instant done, @Nullable Instant due) {
			return (done != null) ? Boolean.valueOf(due != null && !done.isAfter(due)) : null;
		}

	}

	public record VoucherView(String employeeNumber, String employeeName, String payPeriod, BigDecimal amount,
			@Nullable String note) {

		static @Nullable VoucherView of(@Nullable PaymentVoucher voucher) {
			return (voucher != null) ? new VoucherView(voucher.getEmployeeNumber(), voucher.getEmployeeName(),
					voucher.getPayPeriod(), voucher.getAmount(), voucher.getNote()) : null;
		}

	}

	/**
	 * @param readByCustomerAt for caseworkers of the category, on the centre's public
	 * messages: when the reporter last opened the case, if they have since; else
	 * {@literal null}
	 */
	public record MessageView(long id, String authorName, AuthorSide authorSide, String body, boolean internal,
			Instant createdAt, @Nullable Instant readByCustomerAt) {
	}

	/**
	 * One thing that happened on a case: a message, a status change or an assignment.
	 */
	public record TimelineEntry(Kind kind, Instant at, String actorName, @Nullable AuthorSide side, boolean internal,
			@Nullable CaseStatus fromStatus, @Nullable CaseStatus toStatus, boolean causedByCustomerMessage,
			@Nullable String assigneeName) {

		/**
		 * In this order when at the same moment: the message first, then what it caused.
		 */
		public enum Kind {

			MESSAGE, STATUS, ASSIGNMENT

		}

	}

}
