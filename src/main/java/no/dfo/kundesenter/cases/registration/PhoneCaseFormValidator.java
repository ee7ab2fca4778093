package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.function.LongPredicate;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.Message;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules of the phone case form: a customer found, one of the caseworker's categories
 * (the only one needs no choosing), a subject of one line and a message.
 */
final class PhoneCaseFormValidator {

	private PhoneCaseFormValidator() {
	}

	/**
	 * @param categories the categories the caseworker works on
	 * @param isAgencyPerson whether an id is an agency-side person's
	 */
	static void validate(PhoneCaseForm form, List<Category> categories, LongPredicate isAgencyPerson, Errors errors) {
		Long reporterId = FormValues.number(form.reporter());
		if (reporterId == null || !isAgencyPerson.test(reporterId)) {
			errors.rejectValue("reporter", "phone.reporter.required");
		}
		Category category = category(form, categories);
		if (category == null || !categories.contains(category)) {
			errors.rejectValue("category", "phone.category.required");
		}
		required(errors, "subject", (form.subject() != null) ? FormText.singleLine(form.subject()) : null,
				NewCaseFormValidator.MAX_SUBJECT_LENGTH);
		required(errors, "message", form.message(), Message.MAX_LENGTH);
	}

	/** The reporter of a form that passed {@link #validate}. */
	static long reporterId(PhoneCaseForm form) {
		Long id = FormValues.number(form.reporter());
		if (id == null) {
			throw new IllegalArgumentException("Not validated: no reporter");
		}
		return id;
	}

	/** Turns a form that passed {@link #validate} into the request to register. */
	static NewCase toNewCase(PhoneCaseForm form, List<Category> categories) {
		Category category = category(form, categories);
		if (category == null) {
			throw new IllegalArgumentException("Not validated: no category");
		}
		return new NewCase(category, FormText.singleLine(form.subject()), FormText.strip(form.message()), null);
	}

	private static @Nullable Category category(PhoneCaseForm form, List<Category> categories) {
		return (categories.size() == 1 && FormText.isBlank(form.category())) ? categories.get(0)
				: FormValues.choice(Category.class, form.category());
	}

	private static void required(Errors errors, String field, @Nullable String value, int maxLength) {
		if (FormText.isBlank(value)) {
			errors.rejectValue(field, "phone." + field + ".required");
		}
		else if (FormText.strip(value).length() > maxLength) {
			errors.rejectValue(field, "phone." + field + ".tooLong");
		}
	}

}
