package no.dfo.kundesenter.access.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * The security chain's first authentication provider: counts every sign-in attempt,
 * whatever its kind, and refuses it when a limit is used up. It authenticates nobody
 * itself, so the providers that check credentials come next. Not a bean: an
 * authentication provider bean would take the place of the user details service.
 */
class SignInLimitCheck implements AuthenticationProvider {

	private final SignInLimits limits;

	SignInLimitCheck(SignInLimits limits) {
		this.limits = limits;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication attempt) {
		this.limits.countAttempt(attempt);
		return null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return true;
	}

}
