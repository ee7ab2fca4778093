package no.dfo.kundesenter.access.internal;

import no.dfo.kundesenter.access.RateLimitExceededException;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused before its credentials were checked. As an account status exception
 * it ends the authentication at once: no further provider looks at the password.
 */
class SignInLimitedException extends LockedException {

	SignInLimitedException(RateLimitExceededException limit) {
		super("Too many failed sign-ins for this user name or address", limit);
	}

	RateLimitExceededException limit() {
		return (RateLimitExceededException) getCause();
	}

}
