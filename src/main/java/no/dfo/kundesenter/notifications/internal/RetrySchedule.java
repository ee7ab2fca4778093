package no.dfo.kundesenter.notifications.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a notice that could not be sent is tried again: Spring's
 * {@link ExponentialBackOff} (the first wait, doubling up to a limit, a bounded number of
 * attempts), computed from the attempt count stored with the notice, so the schedule
 * survives restarts and holds across nodes (decision 0041).
 */
class RetrySchedule {

	private final ExponentialBackOff backOff;

	RetrySchedule(NotificationSettings settings) {
		this.backOff = new ExponentialBackOff(settings.firstRetry().toMillis(), 2.0);
		this.backOff.setMaxInterval(settings.maxRetryInterval().toMillis());
		this.backOff.setMaxAttempts(Math.max(settings.maxAttempts() - 1, 0));
	}

	/**
	 * The wait after the given number of failed attempts; {@literal null} when that was
	 * the last attempt allowed.
	 */
	@Nullable Duration waitAfter(int failedAttempts) {
		BackOffExecution execution = this.backOff.start();
		long wait = BackOffExecution.STOP;
		for (int i = 0; i < failedAttempts; i++) {
			wait = execution.nextBackOff();
			if (wait == BackOffExecution.STOP) {
				return null;
			}
		}
		return Duration.ofMillis(wait);
	}

}
