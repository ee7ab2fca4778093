package no.dfo.kundesenter.notifications;

import java.time.Instant;

/**
 * A notice that was given up on.
 *
 * @param failedAt when it was given up on, in Norwegian time
 * @param reason why, as a message key suffix: {@code INVALID_ADDRESS}, {@code REJECTED},
 * {@code NO_ADDRESS} or {@code GAVE_UP}
 * @param attempts how many times sending was tried
 */
public record FailedNotice(Instant failedAt, String reason, int attempts) {

}
