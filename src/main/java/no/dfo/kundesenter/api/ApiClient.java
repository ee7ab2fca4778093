package no.dfo.kundesenter.api;

import java.util.Collection;
import java.util.Optional;

import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A system signed in with a Maskinporten token: its client id, the organization it acts
 * for (the token's {@code consumer}) and, when an administrator has enabled that agency,
 * the agency's system account.
 */
final class ApiClient extends AbstractAuthenticationToken {

	/** The authority of a token whose agency may use the API. */
	static final String ENABLED_AGENCY = "API_AGENCY";

	private final Jwt token;

	private final String clientId;

	private final @Nullable String orgNumber;

	private final @Nullable PortalUser agency;

	ApiClient(Jwt token, String clientId, @Nullable String orgNumber, @Nullable PortalUser agency,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.token = token;
		this.clientId = clientId;
		this.orgNumber = orgNumber;
		this.agency = agency;
		setAuthenticated(true);
	}

	String clientId() {
		return this.clientId;
	}

	@Nullable String orgNumber() {
		return this.orgNumber;
	}

	/**
	 * The agency's system account; only requests of an enabled agency get past security.
	 */
	PortalUser agency() {
		return Optional.ofNullable(this.agency).orElseThrow();
	}

	boolean hasScope(String scope) {
		return getAuthorities().stream().anyMatch((a) -> ("SCOPE_" + scope).equals(a.getAuthority()));
	}

	boolean isEnabledAgency() {
		return this.agency != null;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getPrincipal() {
		return this.clientId;
	}

	@Override
	public String getName() {
		return this.clientId;
	}

}
