package no.dfo.kundesenter.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * A logout token from the provider (Spring Security has checked its signature, issuer,
 * audience and event): the portal sessions of that sign-in are deleted from the session
 * store at once, whichever node they were used on, rather than signed out through a
 * request to this node's own logout endpoint as Spring Security does by itself.
 */
class BackChannelLogouts implements LogoutHandler {

	private final OidcSessions sessions;

	private final SecurityLog securityLog;

	BackChannelLogouts(OidcSessions sessions, SecurityLog securityLog) {
		this.sessions = sessions;
		this.securityLog = securityLog;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof OidcLogoutToken token) {
			for (OidcSessions.Ended ended : this.sessions.end(token)) {
				this.securityLog.signedOut(ended.userId());
			}
		}
	}

}
