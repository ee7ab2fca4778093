package no.dfo.kundesenter.access.web;

import org.jspecify.annotations.Nullable;

/**
 * An administrator's answer to one access request: approve or reject, with a comment
 * (required when rejecting, so the person learns why).
 */
record DecisionForm(@Nullable String decision, @Nullable String comment) {

	static final String APPROVE = "godkjenn";

	static final String REJECT = "avvis";

}
