package no.dfo.kundesenter.cases.web;

import org.jspecify.annotations.Nullable;

/**
 * The "Meld inn ny sak" form exactly as typed: every field is text, so nothing a person
 * entered is lost to a conversion error when the form is shown again.
 */
record NewCaseForm(@Nullable String category, @Nullable String subject, @Nullable String message,
		@Nullable String voucher, @Nullable String employeeNumber, @Nullable String employeeName,
		@Nullable String payPeriod, @Nullable String amount, @Nullable String voucherNote) {

	static final String YES = "ja";

	static final String NO = "nei";

	static NewCaseForm empty() {
		return new NewCaseForm(null, null, null, NO, null, null, null, null, null);
	}

	boolean wantsVoucher() {
		return YES.equals(this.voucher);
	}

}
