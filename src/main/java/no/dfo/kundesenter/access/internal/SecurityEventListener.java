package no.dfo.kundesenter.access.internal;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's own events, into the security event log: sign-in (after the new
 * session id is given), failed sign-in with its reason, sign-out, and a request refused
 * to a signed-in person. An anonymous request that is sent to sign in is no event.
 */
@Component
class SecurityEventListener {

	private final SecurityLog log;

	private final PortalUsers users;

	private final AuditTrail audit;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	SecurityEventListener(SecurityLog log, PortalUsers users, AuditTrail audit) {
		this.log = log;
		this.users = users;
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		this.log.signedIn(SecurityLog.personId(event.getAuthentication()));
		if (event.getAuthentication().getPrincipal() instanceof PortalUserDetails signedIn) {
			this.audit.record(signedIn.getUser(), AuditAction.SIGNED_IN, null, signInDetail(signedIn));
		}
	}

	/** The provider and level of assurance; nothing that names the person. */
	private static String signInDetail(PortalUserDetails signedIn) {
		if (signedIn instanceof PortalOidcUser oidc) {
			String acr = oidc.acr();
			return "provider=" + oidc.registrationId() + ((acr != null) ? " acr=" + acr : "");
		}
		return "provider=password";
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof OAuth2AuthenticationException) {
			// A refused return from single sign-on: SignInRefusals logs it with its code.
			return;
		}
		String typed = event.getAuthentication().getName();
		Long personId = typed.isBlank() ? null : this.users.idOf(typed).orElse(null);
		this.log.signInFailed(reason(event.getException()), personId, typed);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		this.log.signedOut(SecurityLog.personId(event.getAuthentication()));
		if (event.getAuthentication().getPrincipal() instanceof PortalUserDetails signedOut) {
			this.audit.record(signedOut.getUser(), AuditAction.SIGNED_OUT, null, "by=portal");
		}
	}

	@EventListener
	void accessRefused(AuthorizationDeniedEvent<?> event) {
		Authentication who = event.getAuthentication().get();
		if (who == null || !this.trust.isAuthenticated(who)) {
			return;
		}
		String reason = (event.getAuthorizationResult() instanceof AuthorityAuthorizationDecision) ? "role_required"
				: "denied";
		this.log.accessRefused(reason, SecurityLog.personId(who));
	}

	static String reason(AuthenticationException failure) {
		return switch (failure) {
			case SignInLimitedException limited -> "rate_limited";
			case BadCredentialsException badCredentials -> "bad_credentials";
			case DisabledException disabled -> "disabled";
			case LockedException locked -> "locked";
			case AccountExpiredException expired -> "account_expired";
			case CredentialsExpiredException expired -> "credentials_expired";
			default -> "other";
		};
	}

}
