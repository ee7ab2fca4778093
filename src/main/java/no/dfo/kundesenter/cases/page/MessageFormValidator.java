package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.Message;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules of the message form: text is required and at most 20 000 characters; a
 * caseworker may instead only change status; Utsatt needs a public message saying why.
 */
final class MessageFormValidator {

	private MessageFormValidator() {
	}

	static void validateCustomer(MessageForm form, Errors errors) {
		body(form, errors, true);
	}

	/**
	 * @param current the case's status as the caseworker saw it
	 */
	static void validateCaseworker(MessageForm form, CaseStatus current, Errors errors) {
		if (!MessageForm.PUBLIC.equals(form.visibility()) && !MessageForm.INTERNAL.equals(form.visibility())) {
			errors.rejectValue("visibility", "conversation.visibility.required");
		}
		CaseStatus target = status(form.status());
		if (!isBlank(form.status()) && target == null) {
			errors.rejectValue("status", "conversation.status.unknown");
		}
		else if (target != null && target != current && !current.canTransitionTo(target)) {
			errors.rejectValue("status", "conversation.status.notAllowed");
		}
		boolean statusChange = target != null && target != current;
		body(form, errors, !statusChange);
		if (target == CaseStatus.POSTPONED && statusChange && (isBlank(form.body()) || form.internal())) {
			errors.rejectValue("body", "conversation.postponed.needsPublicMessage");
		}
		if (FormValues.number(form.version()) == null) {
			errors.reject("conversation.version.missing");
		}
	}

	/**
	 * A caseworker asks to insert a ferdigtekst.
	 * @return its id, {@literal null} if none was chosen
	 */
	static @Nullable Long validateInsert(MessageForm form, Errors errors) {
		Long id = FormValues.number(form.cannedReply());
		if (id == null) {
			errors.rejectValue("cannedReply", "conversation.cannedReply.required");
		}
		return id;
	}

	/** The message of a customer's form that passed {@link #validateCustomer}. */
	static String body(MessageForm form) {
		return FormText.strip(form.body());
	}

	/** What a caseworker's form that passed {@link #validateCaseworker} asks for. */
	static Response toResponse(MessageForm form) {
		String body = isBlank(form.body()) ? null : FormText.strip(form.body());
		Long version = FormValues.number(form.version());
		if (version == null) {
			throw new IllegalArgumentException("Not validated: no version");
		}
		return new Response(body, form.internal(), status(form.status()), version);
	}

	private static @Nullable CaseStatus status(@Nullable String value) {
		return FormValues.choice(CaseStatus.class, value);
	}

	private static void body(MessageForm form, Errors errors, boolean required) {
		if (isBlank(form.body())) {
			if (required) {
				errors.rejectValue("body", "conversation.body.required");
			}
		}
		else if (FormText.strip(form.body()).length() > Message.MAX_LENGTH) {
			errors.rejectValue("body", "conversation.body.tooLong");
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return FormText.isBlank(value);
	}

}
