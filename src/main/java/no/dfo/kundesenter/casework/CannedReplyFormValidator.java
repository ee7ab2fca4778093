package no.dfo.kundesenter.casework;

import java.util.List;
import java.util.function.BiPredicate;

import no.dfo.kundesenter.cases.CannedTexts;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules of the ferdigtekst form: one of the caseworker's categories, a title of at
 * most 100 characters that no other text of the category has, and a text that fits in a
 * message.
 */
final class CannedReplyFormValidator {

	static final int MAX_TITLE_LENGTH = 100;

	private CannedReplyFormValidator() {
	}

	/**
	 * @param allowed the categories the caseworker may write texts for
	 * @param titleTaken whether another text of the chosen category has the title
	 * @return the chosen category, {@literal null} if it is not one of {@code allowed}
	 */
	static @Nullable Category validate(CannedReplyForm form, List<Category> allowed,
			BiPredicate<Category, String> titleTaken, Errors errors) {
		Category category = FormValues.choice(Category.class, form.category());
		if (category == null || !allowed.contains(category)) {
			errors.rejectValue("category", "canned.category.required");
			category = null;
		}
		if (FormText.isBlank(form.title())) {
			errors.rejectValue("title", "canned.title.required");
		}
		else if (title(form).length() > MAX_TITLE_LENGTH) {
			errors.rejectValue("title", "canned.title.tooLong");
		}
		else if (category != null && titleTaken.test(category, title(form))) {
			errors.rejectValue("title", "canned.title.taken");
		}
		if (FormText.isBlank(form.body())) {
			errors.rejectValue("body", "canned.body.required");
		}
		else if (body(form).length() > CannedTexts.MAX_LENGTH) {
			errors.rejectValue("body", "canned.body.tooLong");
		}
		return category;
	}

	/** The title of a form that passed {@link #validate}. */
	static String title(CannedReplyForm form) {
		return FormText.singleLine(form.title());
	}

	/** The text of a form that passed {@link #validate}. */
	static String body(CannedReplyForm form) {
		return FormText.strip(form.body());
	}

}
