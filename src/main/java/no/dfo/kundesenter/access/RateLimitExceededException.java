package no.dfo.kundesenter.access;

import java.time.Duration;

/**
 * A limit of {@link RateLimits} is used up for now: answer 429 with {@code Retry-After}
 * and say how long to wait.
 */
public class RateLimitExceededException extends RuntimeException {

	private final Limit limit;

	private final Duration retryAfter;

	public RateLimitExceededException(Limit limit, Duration retryAfter) {
		super(limit + " used up; retry after " + retryAfter);
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	public Limit limit() {
		return this.limit;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds, rounded up and at least one: the {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return Math.max(1, Math.ceilDiv(this.retryAfter.toMillis(), 1000));
	}

	/** Whole minutes, rounded up and at least one: what the message says. */
	public long retryAfterMinutes() {
		return Math.ceilDiv(retryAfterSeconds(), 60);
	}

	/**
	 * The message code of the explanation; its one argument is
	 * {@link #retryAfterMinutes()}.
	 */
	public String messageCode() {
		return this.limit.messageCode;
	}

	/** Which limit was reached. */
	public enum Limit {

		SIGN_IN("rateLimit.signIn"), CASE_REGISTRATIONS("rateLimit.caseRegistrations"), UPLOADS("rateLimit.uploads"),
		API_REQUESTS("rateLimit.apiRequests");

		private final String messageCode;

		Limit(String messageCode) {
			this.messageCode = messageCode;
		}

	}

}
