package no.dfo.kundesenter.casework;

import java.util.ArrayList;
import java.util.List;

import no.dfo.kundesenter.cases.Category;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

class CannedReplyFormValidatorTests {

	private final List<String> askedAbout = new ArrayList<>();

	@Test
	void aTextOfTheCaseworkersCategoryWithAFreeTitleIsAccepted() {
		CannedReplyForm form = new CannedReplyForm("PAYROLL", "  Purring\t1 ", " Vi venter på svar. ");
		assertThat(validate(form, List.of(Category.PAYROLL))).isEmpty();
		assertThat(this.askedAbout).containsExactly("PAYROLL Purring 1");
		assertThat(CannedReplyFormValidator.title(form)).isEqualTo("Purring 1");
		assertThat(CannedReplyFormValidator.body(form)).isEqualTo("Vi venter på svar.");
	}

	@Test
	void theCategoryMustBeOneTheCaseworkerWorksOn() {
		CannedReplyForm form = new CannedReplyForm("ACCOUNTING", "Purring", "Tekst");
		assertThat(validate(form, List.of(Category.PAYROLL))).containsExactly("category:canned.category.required");
		assertThat(this.askedAbout).isEmpty();
	}

	@Test
	void aTitleTakenInTheCategoryIsRefused() {
		assertThat(validate(new CannedReplyForm("PAYROLL", "Tatt", "Tekst"), List.of(Category.PAYROLL)))
			.containsExactly("title:canned.title.taken");
	}

	@Test
	void titleAndTextAreRequiredAndLimited() {
		assertThat(validate(new CannedReplyForm("PAYROLL", " ", null), List.of(Category.PAYROLL)))
			.containsExactly("title:canned.title.required", "body:canned.body.required");
		assertThat(validate(new CannedReplyForm("PAYROLL", "x".repeat(101), "x".repeat(20_001)),
				List.of(Category.PAYROLL)))
			.containsExactly("title:canned.title.tooLong", "body:canned.body.tooLong");
	}

	private List<String> validate(CannedReplyForm form, List<Category> allowed) {
		Errors errors = new DirectFieldBindingResult(form, "form");
		CannedReplyFormValidator.validate(form, allowed, (category, title) -> {
			this.askedAbout.add(category + " " + title);
			return title.equals("Tatt");
		}, errors);
		return errors.getFieldErrors().stream().map((e) -> e.getField() + ":" + e.getCode()).toList();
	}

}
