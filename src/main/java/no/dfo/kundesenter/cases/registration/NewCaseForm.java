package no.dfo.kundesenter.cases.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * The "Meld inn ny sak" form exactly as typed: every field is text, so nothing a person
 * entered is lost to a conversion error when the form is shown again.
 *
 * @param attachmentIds the drafts already uploaded with this form (hidden fields)
 */
record NewCaseForm(@Nullable String category, @Nullable String subject, @Nullable String message,
		@Nullable String voucher, @Nullable String employeeNumber, @Nullable String employeeName,
		@Nullable String payPeriod, @Nullable String amount, @Nullable String voucherNote,
		@Nullable List<String> attachmentIds) {

	static final String YES = "ja";

	static final String NO = "nei";

	static NewCaseForm empty() {
		return new NewCaseForm(null, null, null, NO, null, null, null, null, null, null);
	}

	boolean wantsVoucher() {
		return YES.equals(this.voucher);
	}

	/**
	 * The draft ids sent with the form; anything that is not an id is left out.
	 */
	List<UUID> draftIds() {
		List<UUID> ids = new ArrayList<>();
		if (this.attachmentIds != null) {
			for (String value : this.attachmentIds) {
				// Anything else is not one of ours: ignored, as if it had not been sent.
				UUID id = FormValues.uuid(value);
				if (id != null && !ids.contains(id)) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

}
