package no.dfo.kundesenter.cases.registration;

import java.util.List;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.NewCase;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneCaseFormValidatorTests {

	private static final List<Category> PAYROLL = List.of(Category.PAYROLL);

	@Test
	void aCompleteFormBecomesAPayrollCaseForTheChosenPerson() {
		PhoneCaseForm form = new PhoneCaseForm("1", "ola", " 12 ", "PAYROLL", " Ringte\tom trekk ", " Notert. ");
		assertThat(validate(form, PAYROLL)).isEmpty();
		assertThat(PhoneCaseFormValidator.reporterId(form)).isEqualTo(12L);
		assertThat(PhoneCaseFormValidator.toNewCase(form, PAYROLL))
			.isEqualTo(new NewCase(Category.PAYROLL, "Ringte om trekk", "Notert.", null));
	}

	@Test
	void aCaseworkerOfOneCategoryNeedNotChooseIt() {
		PhoneCaseForm form = new PhoneCaseForm("1", "ola", "12", "", "Emne", "Tekst");
		assertThat(validate(form, PAYROLL)).isEmpty();
		assertThat(PhoneCaseFormValidator.toNewCase(form, PAYROLL).category()).isEqualTo(Category.PAYROLL);
		assertThat(validate(form, List.of(Category.PAYROLL, Category.ACCOUNTING)))
			.containsExactly("category:phone.category.required");
	}

	@Test
	void theCustomerMustBeAnAgencyPersonAndTheCategoryOneTheCaseworkerWorksOn() {
		PhoneCaseForm form = new PhoneCaseForm("1", "ola", "13", "ACCOUNTING", "Emne", "Tekst");
		assertThat(validate(form, PAYROLL)).containsExactly("reporter:phone.reporter.required",
				"category:phone.category.required");
		assertThat(validate(new PhoneCaseForm("1", "ola", "x", "PAYROLL", "Emne", "Tekst"), PAYROLL))
			.containsExactly("reporter:phone.reporter.required");
	}

	@Test
	void subjectAndMessageAreRequiredAndLimited() {
		assertThat(validate(new PhoneCaseForm("1", "", "12", "PAYROLL", " ", null), PAYROLL))
			.containsExactly("subject:phone.subject.required", "message:phone.message.required");
		assertThat(validate(new PhoneCaseForm("1", "", "12", "PAYROLL", "x".repeat(201), "x".repeat(20_001)), PAYROLL))
			.containsExactly("subject:phone.subject.tooLong", "message:phone.message.tooLong");
	}

	private static List<String> validate(PhoneCaseForm form, List<Category> categories) {
		Errors errors = new DirectFieldBindingResult(form, "form");
		PhoneCaseFormValidator.validate(form, categories, (id) -> id == 12L, errors);
		return errors.getFieldErrors().stream().map((e) -> e.getField() + ":" + e.getCode()).toList();
	}

}
