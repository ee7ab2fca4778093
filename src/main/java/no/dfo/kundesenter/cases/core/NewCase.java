package no.dfo.kundesenter.cases.core;

import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to register a case, already validated.
 *
 * @param voucher only for {@link Category#PAYROLL}; {@literal null} when there is none
 * @param attachmentIds draft attachments uploaded with the form; may be empty
 */
public record NewCase(Category category, String subject, String message, @Nullable PaymentVoucher voucher,
		List<UUID> attachmentIds) {

	public NewCase {
		attachmentIds = List.copyOf(attachmentIds);
	}

	public NewCase(Category category, String subject, String message, @Nullable PaymentVoucher voucher) {
		this(category, subject, message, voucher, List.of());
	}

}
