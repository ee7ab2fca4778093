package no.dfo.kundesenter.cases.web;

import java.util.Arrays;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.domain.Conversation.Response;
import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules of the message form: text is required and at most 20 000 characters; a
 * caseworker may instead only change status; Utsatt needs a public message saying why.
 */
final class MessageFormValidator {

	static final int MAX_LENGTH = 20_000;

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
		if (version(form.version()) == null) {
			errors.reject("conversation.version.missing");
		}
	}

	static Response toResponse(MessageForm form) {
		String body = isBlank(form.body()) ? null : FormText.strip(form.body());
		return new Response(body, form.internal(), status(form.status()), version(form.version()));
	}

	static @Nullable CaseStatus status(@Nullable String value) {
		return Arrays.stream(CaseStatus.values()).filter((s) -> s.name().equals(value)).findFirst().orElse(null);
	}

	static @Nullable Long version(@Nullable String value) {
		try {
			return (value != null) ? Long.parseLong(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void body(MessageForm form, Errors errors, boolean required) {
		if (isBlank(form.body())) {
			if (required) {
				errors.rejectValue("body", "conversation.body.required");
			}
		}
		else if (FormText.strip(form.body()).length() > MAX_LENGTH) {
			errors.rejectValue("body", "conversation.body.tooLong");
		}
	}

	static boolean isBlank(@Nullable String value) {
		return FormText.isBlank(value);
	}

}
