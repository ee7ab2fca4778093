package no.dfo.kundesenter.cases.domain;

import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to register a case, already validated.
 *
 * @param voucher only for {@link Category#PAYROLL}; {@literal null} when there is none
 */
public record NewCase(Category category, String subject, String message, @Nullable PaymentVoucher voucher) {
}
