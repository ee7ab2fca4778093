package no.dfo.kundesenter.access.internal;

import java.util.Collection;

import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: wraps the {@link PortalUser} that controllers receive. A person
 * who signed in through single sign-on is a {@link PortalOidcUser}.
 */
public class PortalUserDetails implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final PortalUser user;

	private @Nullable String password;

	private final boolean enabled;

	PortalUserDetails(PortalUser user, @Nullable String password, boolean enabled) {
		this.user = user;
		this.password = password;
		this.enabled = enabled;
	}

	public PortalUser getUser() {
		return this.user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.user.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.user.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

}
