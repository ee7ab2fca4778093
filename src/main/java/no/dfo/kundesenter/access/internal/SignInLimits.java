package no.dfo.kundesenter.access.internal;

import java.util.ArrayList;
import java.util.List;

import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.RateLimitExceededException.Limit;
import no.dfo.kundesenter.access.internal.RateLimitBuckets.Demand;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per user name and per address. Every attempt takes a token from both
 * before its credentials are checked, so attempts sent in parallel cannot slip past a
 * limit; an attempt that succeeds gives them back, so only failures count. The address is
 * the one the request came from as the servlet container gives it.
 */
@Component
class SignInLimits {

	private final RateLimitBuckets buckets;

	private final RateLimitBuckets.Limit perName;

	private final RateLimitBuckets.Limit perAddress;

	SignInLimits(RateLimitBuckets buckets, RateLimitSettings settings) {
		this.buckets = buckets;
		this.perName = new RateLimitBuckets.Limit(settings.signIn().failuresPerName(), settings.signIn().period());
		this.perAddress = new RateLimitBuckets.Limit(settings.signIn().failuresPerAddress(),
				settings.signIn().period());
	}

	/**
	 * Counts an attempt as failed until it succeeds.
	 * @throws SignInLimitedException if its user name or its address has no failures left
	 * for now; nothing is counted then
	 */
	void countAttempt(Authentication attempt) {
		List<Demand> demands = new ArrayList<>(2);
		String name = attempt.getName();
		if (!name.isBlank()) {
			demands.add(new Demand(RateLimitKeys.signInName(name), this.perName, 1));
		}
		String address = address(attempt);
		if (address != null) {
			demands.add(new Demand(RateLimitKeys.signInAddress(address), this.perAddress, 1));
		}
		this.buckets.take(demands).ifPresent((wait) -> {
			throw new SignInLimitedException(new RateLimitExceededException(Limit.SIGN_IN, wait));
		});
	}

	/**
	 * The name's earlier failures are forgotten, and the address gets its attempt back.
	 * Spring Security publishes the event for every sign-in its authentication manager
	 * accepts.
	 */
	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Authentication result = event.getAuthentication();
		if (!result.getName().isBlank()) {
			this.buckets.forget(RateLimitKeys.signInName(result.getName()));
		}
		String address = address(result);
		if (address != null) {
			this.buckets.giveBack(new Demand(RateLimitKeys.signInAddress(address), this.perAddress, 1));
		}
	}

	private static @Nullable String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
