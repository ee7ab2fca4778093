package no.dfo.kundesenter.access.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through single sign-on. What is kept of the ID token (in the
 * session, in the database) holds no national identity number: the {@code pid} claim is
 * dropped, and the token itself is kept only sealed ({@link IdTokenHints}), for signing
 * out.
 */
final class PortalOidcUser extends PortalUserDetails implements OidcUser {

	private static final long serialVersionUID = 1L;

	private static final String NOT_KEPT = "not-kept";

	private final String registrationId;

	private final OidcIdToken idToken;

	private final String sealedIdToken;

	PortalOidcUser(PortalUser user, String registrationId, OidcIdToken received, String sealedIdToken) {
		super(user, null, true);
		this.registrationId = registrationId;
		this.sealedIdToken = sealedIdToken;
		Map<String, Object> claims = new LinkedHashMap<>(received.getClaims());
		claims.remove(OidcSignIn.PID);
		this.idToken = new OidcIdToken(NOT_KEPT, received.getIssuedAt(), received.getExpiresAt(), claims);
	}

	String registrationId() {
		return this.registrationId;
	}

	/** The ID token as received, sealed. */
	String sealedIdToken() {
		return this.sealedIdToken;
	}

	@Nullable String acr() {
		return this.idToken.getClaimAsString("acr");
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.idToken.getClaims();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.idToken.getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

}
