package no.dfo.kundesenter.cases.registration;

import org.jspecify.annotations.Nullable;

/**
 * A case a customer phoned in, as the caseworker typed it: the agency and search text
 * that found the customer, the customer, and the case.
 */
record PhoneCaseForm(@Nullable String organization, @Nullable String query, @Nullable String reporter,
		@Nullable String category, @Nullable String subject, @Nullable String message) {

}
