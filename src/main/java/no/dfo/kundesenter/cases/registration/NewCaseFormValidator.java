package no.dfo.kundesenter.cases.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.Message;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.core.PaymentVoucher;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules Bean Validation cannot express on one field: a known category, and the
 * voucher fields that apply only to payroll cases with "Bilag til utbetaling" chosen.
 */
final class NewCaseFormValidator {

	static final int MAX_SUBJECT_LENGTH = 200;

	private static final Pattern PAY_PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	private NewCaseFormValidator() {
	}

	static void validate(NewCaseForm form, Errors errors) {
		Category category = FormValues.choice(Category.class, form.category());
		if (isBlank(form.category())) {
			errors.rejectValue("category", "case.category.required");
		}
		else if (category == null) {
			errors.rejectValue("category", "case.category.unknown");
		}
		singleLine(errors, "subject", form.subject(), MAX_SUBJECT_LENGTH);
		required(errors, "message", form.message(), Message.MAX_LENGTH);
		if (category != Category.PAYROLL) {
			return;
		}
		if (!NewCaseForm.YES.equals(form.voucher()) && !NewCaseForm.NO.equals(form.voucher())) {
			errors.rejectValue("voucher", "case.voucher.required");
			return;
		}
		if (!form.wantsVoucher()) {
			return;
		}
		singleLine(errors, "employeeNumber", form.employeeNumber(), 20);
		singleLine(errors, "employeeName", form.employeeName(), 200);
		if (isBlank(form.payPeriod())) {
			errors.rejectValue("payPeriod", "case.payPeriod.required");
		}
		else if (!PAY_PERIOD.matcher(FormText.strip(form.payPeriod())).matches()) {
			errors.rejectValue("payPeriod", "case.payPeriod.invalid");
		}
		if (isBlank(form.amount())) {
			errors.rejectValue("amount", "case.amount.required");
		}
		else {
			String amount = normalizeAmount(form.amount());
			if (amount == null) {
				errors.rejectValue("amount", "case.amount.ambiguous");
			}
			else if (!AMOUNT.matcher(amount).matches()) {
				errors.rejectValue("amount", "case.amount.invalid");
			}
			else {
				BigDecimal value = new BigDecimal(amount);
				if (value.scale() > 2) {
					errors.rejectValue("amount", "case.amount.decimals");
				}
				else if (value.signum() <= 0) {
					errors.rejectValue("amount", "case.amount.notPositive");
				}
				else if (value.compareTo(MAX_AMOUNT) > 0) {
					errors.rejectValue("amount", "case.amount.tooLarge");
				}
			}
		}
		if (form.voucherNote() != null && FormText.strip(form.voucherNote()).length() > 2000) {
			errors.rejectValue("voucherNote", "case.voucherNote.tooLong");
		}
	}

	/**
	 * Turns a form that passed {@link #validate} into the request to register.
	 */
	static NewCase toNewCase(NewCaseForm form, List<UUID> attachmentIds) {
		Category category = Category.valueOf(form.category());
		PaymentVoucher voucher = null;
		if (category == Category.PAYROLL && form.wantsVoucher()) {
			String note = isBlank(form.voucherNote()) ? null : FormText.strip(form.voucherNote());
			voucher = new PaymentVoucher(FormText.singleLine(form.employeeNumber()),
					FormText.singleLine(form.employeeName()), FormText.strip(form.payPeriod()),
					new BigDecimal(normalizeAmount(form.amount())), note);
		}
		return new NewCase(category, FormText.singleLine(form.subject()), FormText.strip(form.message()), voucher,
				attachmentIds);
	}

	/**
	 * The amount as digits with a point before the decimals, read the way it was written
	 * in Norwegian ("12 500,50", "12.500,50") or English ("12,500.50"): spaces group, and
	 * with both a comma and a point the last one marks the decimals.
	 * @return {@literal null} when one separator before three digits could mean either
	 * ("12,500", "12.500")
	 */
	static @Nullable String normalizeAmount(String amount) {
		String digits = amount.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
		int commas = digits.length() - digits.replace(",", "").length();
		int points = digits.length() - digits.replace(".", "").length();
		if (commas > 0 && points > 0) {
			boolean commaLast = digits.lastIndexOf(',') > digits.lastIndexOf('.');
			String grouping = commaLast ? "." : ",";
			return digits.replace(grouping, "").replace(',', '.');
		}
		if (commas + points == 1) {
			int separator = Math.max(digits.indexOf(','), digits.indexOf('.'));
			if (digits.length() - separator - 1 == 3) {
				return null;
			}
			return digits.replace(',', '.');
		}
		if (commas + points > 1) {
			// One kind, more than once: it groups thousands.
			return digits.replace(",", "").replace(".", "");
		}
		return digits;
	}

	private static void required(Errors errors, String field, @Nullable String value, int maxLength) {
		if (isBlank(value)) {
			errors.rejectValue(field, "case." + field + ".required");
		}
		else if (FormText.strip(value).length() > maxLength) {
			errors.rejectValue(field, "case." + field + ".tooLong");
		}
	}

	private static void singleLine(Errors errors, String field, @Nullable String value, int maxLength) {
		required(errors, field, (value != null) ? FormText.singleLine(value) : null, maxLength);
	}

	private static boolean isBlank(@Nullable String value) {
		return FormText.isBlank(value);
	}

}
