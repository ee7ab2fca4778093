package no.dfo.kundesenter.access.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.AccessViews.OrganizationView;
import no.dfo.kundesenter.access.internal.OrganizationNumber;
import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The rules of the access forms, in one place: organization number (nine digits, MOD11, a
 * known agency), role, reason and comments.
 */
final class AccessFormValidator {

	static final int MAX_TEXT = 1000;

	static final int MAX_AGENCY_NAME = 200;

	private AccessFormValidator() {
	}

	/**
	 * Checks a request; the lookup finds an agency by its (normalized) number.
	 * @return the agency when the number is valid and known
	 */
	static Optional<OrganizationView> validate(AccessRequestForm form, Errors errors,
			Function<String, Optional<OrganizationView>> lookup) {
		Optional<OrganizationView> organization = orgNumber(form.orgNumber(), errors).flatMap(lookup);
		if (organization.isEmpty() && !errors.hasFieldErrors("orgNumber")) {
			errors.rejectValue("orgNumber", "access.orgNumber.unknown");
		}
		if (role(form.role()) == null) {
			errors.rejectValue("role", "access.role.required");
		}
		text(errors, "reason", form.reason(), true);
		return organization;
	}

	/**
	 * Checks a new agency.
	 * @return its normalized number, when the form is valid
	 */
	static Optional<String> validate(AgencyForm form, Errors errors) {
		Optional<String> number = orgNumber(form.orgNumber(), errors);
		String name = agencyName(form);
		if (name.isEmpty()) {
			errors.rejectValue("name", "access.agency.name.required");
		}
		else if (name.length() > MAX_AGENCY_NAME) {
			errors.rejectValue("name", "access.agency.name.tooLong");
		}
		return errors.hasErrors() ? Optional.empty() : number;
	}

	/**
	 * An organization number as typed: nine digits, spaces allowed, with a valid MOD11
	 * check digit.
	 */
	private static Optional<String> orgNumber(@Nullable String typed, Errors errors) {
		String number = OrganizationNumber.normalize(typed);
		if (number.isEmpty()) {
			errors.rejectValue("orgNumber", "access.orgNumber.required");
		}
		else if (!OrganizationNumber.hasNineDigits(number)) {
			errors.rejectValue("orgNumber", "access.orgNumber.format");
		}
		else if (!OrganizationNumber.hasValidCheckDigit(number)) {
			errors.rejectValue("orgNumber", "access.orgNumber.checkDigit");
		}
		else {
			return Optional.of(number);
		}
		return Optional.empty();
	}

	static String agencyName(AgencyForm form) {
		return (form.name() != null) ? FormText.singleLine(form.name()) : "";
	}

	static void validate(DecisionForm form, Errors errors) {
		boolean reject = DecisionForm.REJECT.equals(form.decision());
		if (!reject && !DecisionForm.APPROVE.equals(form.decision())) {
			errors.rejectValue("decision", "access.decision.required");
		}
		text(errors, "comment", form.comment(), reject);
	}

	static void validate(RevocationForm form, Errors errors) {
		if (userId(form.userId()) == null || role(form.role()) == null) {
			errors.rejectValue("role", "access.revoke.notHeld");
		}
		text(errors, "reason", form.reason(), true);
	}

	static @Nullable Role role(@Nullable String value) {
		return Arrays.stream(Role.values()).filter((r) -> r.name().equals(value)).findFirst().orElse(null);
	}

	static @Nullable Long userId(@Nullable String value) {
		try {
			return (value != null) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String stripped(@Nullable String value) {
		return (value != null) ? FormText.strip(value) : "";
	}

	private static void text(Errors errors, String field, @Nullable String value, boolean required) {
		String text = stripped(value);
		if (required && text.isEmpty()) {
			errors.rejectValue(field, "access." + field + ".required");
		}
		else if (text.length() > MAX_TEXT) {
			errors.rejectValue(field, "access." + field + ".tooLong");
		}
	}

}
