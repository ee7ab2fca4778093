package no.dfo.kundesenter.cases.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

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

	public record CaseSummaryView(long id, String subject, Category category, CaseStatus status, Channel channel,
			ZonedDateTime createdAt, ZonedDateTime updatedAt) {

		static CaseSummaryView of(Case c) {
			return new CaseSummaryView(c.getId(), c.getSubject(), c.getCategory(), c.getStatus(), c.getChannel(),
					local(c.getCreatedAt()), local(c.getUpdatedAt()));
		}

	}

	/**
	 * One line of the case list, with who reported it and for which agency.
	 */
	public record CaseListRow(long id, String subject, Category category, CaseStatus status, Channel channel,
			String organizationName, String reporterName, ZonedDateTime createdAt, ZonedDateTime updatedAt) {
	}

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

}
