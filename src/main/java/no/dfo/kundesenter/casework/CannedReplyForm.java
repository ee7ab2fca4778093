package no.dfo.kundesenter.casework;

import org.jspecify.annotations.Nullable;

/**
 * A ferdigtekst as typed.
 */
record CannedReplyForm(@Nullable String category, @Nullable String title, @Nullable String body) {

}
