package no.dfo.kundesenter.access.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import no.dfo.kundesenter.access.Agency;
import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.web.Languages;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaUserDirectory implements UserDirectory {

	private static final Set<Role> AGENCY_ROLES = EnumSet
		.copyOf(Stream.of(Role.values()).filter(Role::isAgencyRole).toList());

	private final AppUserRepository users;

	private final OrganizationRepository organizations;

	private final PortalUsers portalUsers;

	JpaUserDirectory(AppUserRepository users, OrganizationRepository organizations, PortalUsers portalUsers) {
		this.users = users;
		this.organizations = organizations;
		this.portalUsers = portalUsers;
	}

	@Override
	public List<PortalUser> agencyPeopleWithEmail(String email) {
		return this.users.findEnabledByEmailWithAnyRole(email.strip(), AGENCY_ROLES)
			.stream()
			.map((u) -> this.portalUsers.current(u.getId()))
			.flatMap(Optional::stream)
			.toList();
	}

	@Override
	public Optional<PortalUser> agencyPortalUser(long userId) {
		return this.users.findEnabledWithAnyRole(userId, AGENCY_ROLES)
			.flatMap((u) -> this.portalUsers.current(u.getId()));
	}

	@Override
	public Map<Long, String> fullNames(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.users.findByIdIn(userIds).stream().collect(Collectors.toMap(AppUser::getId, AppUser::getFullName));
	}

	@Override
	public Optional<String> organizationName(long organizationId) {
		return this.organizations.findById(organizationId).map(Organization::getName);
	}

	@Override
	public List<Person> withRole(Role role) {
		return this.users.findEnabledWithRole(role).stream().map(JpaUserDirectory::person).toList();
	}

	@Override
	public List<Person> searchAgencyPeople(long organizationId, String query, int limit) {
		String escaped = query.strip().replace("\\", "").replace("%", "").replace("_", "");
		return this.users.searchInOrganization(organizationId, escaped, AGENCY_ROLES, Limit.of(Math.max(limit, 1)))
			.stream()
			.map(JpaUserDirectory::person)
			.toList();
	}

	@Override
	public Optional<Person> agencyPerson(long userId) {
		return this.users.findEnabledWithAnyRole(userId, AGENCY_ROLES).map(JpaUserDirectory::person);
	}

	@Override
	public Optional<String> emailOf(long userId) {
		return this.users.findById(userId).filter(AppUser::isEnabled).map(AppUser::getEmail);
	}

	@Override
	public Locale languageOf(long userId) {
		return this.users.findById(userId).map(AppUser::getLanguage).flatMap(Languages::of).orElse(Languages.BOKMAL);
	}

	@Override
	public List<Agency> agencies() {
		return this.users.organizationsWithAnyRole(AGENCY_ROLES)
			.stream()
			.map((o) -> new Agency(o.getId(), o.getOrgNumber(), o.getName()))
			.sorted(Comparator.comparing(Agency::name))
			.toList();
	}

	private static Person person(AppUser user) {
		return new Person(user.getId(), user.getFullName(), user.getEmail(), user.getOrganization().getId());
	}

}
