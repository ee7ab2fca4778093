package no.dfo.kundesenter.access.web;

import org.jspecify.annotations.Nullable;

/**
 * "Bestille tilgang" exactly as typed.
 */
record AccessRequestForm(@Nullable String orgNumber, @Nullable String role, @Nullable String reason) {

	static AccessRequestForm empty() {
		return new AccessRequestForm(null, null, null);
	}

}
