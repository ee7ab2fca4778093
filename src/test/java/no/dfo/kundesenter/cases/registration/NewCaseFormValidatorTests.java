package no.dfo.kundesenter.cases.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.core.PaymentVoucher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

class NewCaseFormValidatorTests {

	@Test
	void anAccountingCaseNeedsACategorySubjectAndMessageOnly() {
		NewCaseForm form = accounting(" Faktura\tfra   leverandør ", "Ikke betalt.  ");
		assertThat(validate(form)).isEmpty();
		UUID draft = UUID.randomUUID();
		assertThat(NewCaseFormValidator.toNewCase(form, List.of(draft))).isEqualTo(
				new NewCase(Category.ACCOUNTING, "Faktura fra leverandør", "Ikke betalt.", null, List.of(draft)));
	}

	@Test
	void theCategoryMustBeChosenAndKnown() {
		assertThat(validate(form(null, "nei", null, null))).contains("category:case.category.required");
		assertThat(validate(form("HR", "nei", null, null))).contains("category:case.category.unknown");
	}

	@Test
	void subjectAndMessageAreRequiredAndLimited() {
		assertThat(validate(accounting(" ", "\n"))).containsExactly("subject:case.subject.required",
				"message:case.message.required");
		assertThat(validate(accounting("x".repeat(201), "x".repeat(20_001))))
			.containsExactly("subject:case.subject.tooLong", "message:case.message.tooLong");
	}

	@Test
	void aPayrollCaseSaysWhetherAVoucherComesWithIt() {
		assertThat(validate(form("PAYROLL", null, null, null))).containsExactly("voucher:case.voucher.required");
		assertThat(validate(form("PAYROLL", "nei", null, null))).isEmpty();
		assertThat(NewCaseFormValidator.toNewCase(form("PAYROLL", "nei", "2026-11", "100"), List.of()).voucher())
			.isNull();
	}

	@Test
	void aVoucherTakesNorwegianAmountsWithTwoDecimalsAtMost() {
		NewCaseForm form = form("PAYROLL", "ja", "2026-11", "12 500,50");
		assertThat(validate(form)).isEmpty();
		assertThat(NewCaseFormValidator.toNewCase(form, List.of()).voucher()).usingRecursiveComparison()
			.isEqualTo(new PaymentVoucher("1234", "Ola Nordmann", "2026-11", new BigDecimal("12500.50"), null));
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "12,5055")))
			.containsExactly("amount:case.amount.decimals");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "12,505")))
			.containsExactly("amount:case.amount.ambiguous");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "12.500")))
			.containsExactly("amount:case.amount.ambiguous");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "0"))).containsExactly("amount:case.amount.notPositive");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "10000000000")))
			.containsExactly("amount:case.amount.tooLarge");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", "tolv"))).containsExactly("amount:case.amount.invalid");
		assertThat(validate(form("PAYROLL", "ja", "2026-11", " "))).containsExactly("amount:case.amount.required");
	}

	@Test
	void aVoucherIsForAPayPeriodWrittenAsYearAndMonth() {
		assertThat(validate(form("PAYROLL", "ja", "2026-13", "100")))
			.containsExactly("payPeriod:case.payPeriod.invalid");
		assertThat(validate(form("PAYROLL", "ja", "11.2026", "100")))
			.containsExactly("payPeriod:case.payPeriod.invalid");
		assertThat(validate(form("PAYROLL", "ja", null, "100"))).containsExactly("payPeriod:case.payPeriod.required");
	}

	@Test
	void voucherFieldsAreIgnoredOutsidePayroll() {
		NewCaseForm form = new NewCaseForm("ACCOUNTING", "Emne", "Tekst", "ja", null, null, "feil", "feil", null, null);
		assertThat(validate(form)).isEmpty();
		assertThat(NewCaseFormValidator.toNewCase(form, List.of()).voucher()).isNull();
	}

	private static NewCaseForm accounting(String subject, String message) {
		return new NewCaseForm("ACCOUNTING", subject, message, null, null, null, null, null, null, null);
	}

	private static NewCaseForm form(@Nullable String category, @Nullable String voucher, @Nullable String payPeriod,
			@Nullable String amount) {
		return new NewCaseForm(category, "Emne", "Tekst", voucher, "1234", "Ola Nordmann", payPeriod, amount, null,
				null);
	}

	private static List<String> validate(NewCaseForm form) {
		Errors errors = new DirectFieldBindingResult(form, "form");
		NewCaseFormValidator.validate(form, errors);
		return errors.getFieldErrors().stream().map((e) -> e.getField() + ":" + e.getCode()).toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "12 500,50 | 12500.50", "12\u00a0500,5 | 12500.5", "12500.50 | 12500.50", "12.500,50 | 12500.50",
					"12,500.50 | 12500.50", "1.234.567 | 1234567", "1,234,567.89 | 1234567.89", "1 234 567 | 1234567",
					"12,5 | 12.5", "12 | 12" })
	void anAmountIsReadAsWrittenInNorwegianOrEnglish(String typed, String read) {
		assertThat(NewCaseFormValidator.normalizeAmount(typed)).isEqualTo(read);
	}

}
