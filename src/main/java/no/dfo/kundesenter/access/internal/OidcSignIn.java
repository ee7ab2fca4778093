package no.dfo.kundesenter.access.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a verified ID token (Spring Security has checked its signature, issuer, audience,
 * times and nonce) into the portal's person: checks the level of assurance, finds the
 * person by the keyed hash of their {@code pid} (at Entra ID by {@code oid} or a verified
 * e-mail address), adding one without roles who is new, and checks that an organization
 * the person chose at the provider is the one they are granted for.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String PID = "pid";

	/** The error code of a sign-in with too low a level of assurance. */
	static final String INSUFFICIENT_ACR = "insufficient_acr";

	/**
	 * The error code of a token that names no person, or a person who may not sign in.
	 */
	static final String UNKNOWN_PERSON = "unknown_person";

	/**
	 * The error code of a sign-in for another organization than the one the person is
	 * granted for.
	 */
	static final String WRONG_ORGANIZATION = "wrong_organization";

	/**
	 * The registration of the centre's own directory, which names people by object id.
	 */
	static final String ENTRA_ID = "entraid";

	private final OidcUserService tokens = new OidcUserService();

	private final AccessSettings settings;

	private final PersonIdentities identities;

	private final PortalUsers users;

	private final IdTokenHints hints;

	OidcSignIn(AccessSettings settings, PersonIdentities identities, PortalUsers users, IdTokenHints hints) {
		this.settings = settings;
		this.identities = identities;
		this.users = users;
		this.hints = hints;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser verified = this.tokens.loadUser(request);
		String registrationId = request.getClientRegistration().getRegistrationId();
		OidcIdToken idToken = verified.getIdToken();
		String asked = this.settings.acrValues(registrationId);
		if (asked != null && !AssuranceLevels.satisfies(idToken.getClaimAsString("acr"), asked)) {
			throw refused(INSUFFICIENT_ACR, "The level of assurance is lower than " + asked);
		}
		long id = ENTRA_ID.equals(registrationId) ? fromDirectory(idToken) : fromNationalIdentity(idToken);
		PortalUser user = this.users.current(id)
			.orElseThrow(() -> refused(UNKNOWN_PERSON, "The person may not sign in"));
		Optional<Set<String>> chosen = ChosenOrganizations.in(idToken.getClaim(ChosenOrganizations.CLAIM));
		if (chosen.isPresent() && !user.roles().isEmpty()
				&& !chosen.get().contains(this.identities.organizationNumber(id))) {
			throw refused(WRONG_ORGANIZATION, "The organization chosen is not the one the person is granted for");
		}
		return new PortalOidcUser(user, registrationId, idToken, this.hints.seal(idToken.getTokenValue()));
	}

	private long fromNationalIdentity(OidcIdToken idToken) {
		String pid = idToken.getClaimAsString(PID);
		if (pid == null || pid.isBlank()) {
			throw refused(UNKNOWN_PERSON, "The ID token names no person (no pid)");
		}
		return this.identities.signIn(this.identities.hash(pid), fullName(idToken));
	}

	private long fromDirectory(OidcIdToken idToken) {
		UUID objectId = objectId(idToken.getClaimAsString("oid"));
		if (objectId == null) {
			throw refused(UNKNOWN_PERSON, "The ID token names no person (no oid)");
		}
		return this.identities.signInByObjectId(objectId, fullName(idToken), verifiedEmail(idToken));
	}

	static @Nullable UUID objectId(@Nullable String value) {
		return FormValues.uuid(value);
	}

	/**
	 * The e-mail address, when the provider vouches for it: {@code email_verified}, or at
	 * Entra ID {@code xms_edov} (the domain's owner verified it).
	 */
	private static @Nullable String verifiedEmail(OidcIdToken token) {
		String email = token.getEmail();
		if (email == null || email.isBlank() || email.length() > 254) {
			return null;
		}
		boolean verified = Boolean.TRUE.equals(token.getEmailVerified())
				|| Boolean.TRUE.equals(token.getClaimAsBoolean("xms_edov"));
		return verified ? email.strip() : null;
	}

	private static String fullName(OidcIdToken token) {
		String name = token.getClaimAsString("name");
		if (name == null || name.isBlank()) {
			name = (nonNull(token.getGivenName()) + " " + nonNull(token.getFamilyName())).strip();
		}
		if (name.isBlank()) {
			return "Uten navn";
		}
		return (name.length() > 200) ? name.substring(0, 200) : name.strip();
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
