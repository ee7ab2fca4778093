package no.dfo.kundesenter.access.web;

import org.jspecify.annotations.Nullable;

/**
 * Taking one role away from one person, with the reason.
 */
record RevocationForm(@Nullable String userId, @Nullable String role, @Nullable String reason) {

}
