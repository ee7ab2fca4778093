package no.dfo.kundesenter.access.internal;

import no.dfo.kundesenter.access.PortalUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	PortalUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		AppUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return new PortalUserDetails(toPortalUser(user), user.getPasswordHash(), user.isEnabled());
	}

	static PortalUser toPortalUser(AppUser user) {
		return new PortalUser(user.getId(), user.getUsername(), user.getFullName(), user.getOrganization().getId(),
				user.getOrganization().getName(), user.getRoles());
	}

}
