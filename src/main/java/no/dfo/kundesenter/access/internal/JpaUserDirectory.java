package no.dfo.kundesenter.access.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.dfo.kundesenter.access.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaUserDirectory implements UserDirectory {

	private final AppUserRepository users;

	private final OrganizationRepository organizations;

	JpaUserDirectory(AppUserRepository users, OrganizationRepository organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	@Override
	public Map<Long, String> fullNames(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.users.findByIdIn(userIds).stream().collect(Collectors.toMap(AppUser::getId, AppUser::getFullName));
	}

	@Override
	public Map<Long, String> organizationNames(Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return Map.of();
		}
		return this.organizations.findAllById(organizationIds)
			.stream()
			.collect(Collectors.toMap(Organization::getId, Organization::getName));
	}

	@Override
	public Optional<String> organizationName(long organizationId) {
		return this.organizations.findById(organizationId).map(Organization::getName);
	}

}
