package no.dfo.kundesenter.access.web;

import org.jspecify.annotations.Nullable;

/**
 * A new agency exactly as typed.
 */
record AgencyForm(@Nullable String orgNumber, @Nullable String name) {

	static AgencyForm empty() {
		return new AgencyForm(null, null);
	}

}
