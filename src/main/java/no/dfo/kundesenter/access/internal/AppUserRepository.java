package no.dfo.kundesenter.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.access.Role;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

	List<AppUser> findByIdIn(Collection<Long> ids);

	@Query("select distinct u from AppUser u join u.roles r where r = :role and u.enabled order by u.fullName")
	List<AppUser> findEnabledWithRole(Role role);

	@Query("""
			select distinct u from AppUser u join u.roles r
			where u.enabled and u.organization.id = :organizationId and r in :roles
			  and (lower(u.fullName) like lower(concat('%', :query, '%'))
			       or lower(u.email) like lower(concat('%', :query, '%')))
			order by u.fullName""")
	List<AppUser> searchInOrganization(long organizationId, String query, Collection<Role> roles, Limit limit);

	@Query("select distinct u from AppUser u join u.roles r where u.enabled and u.id = :id and r in :roles")
	Optional<AppUser> findEnabledWithAnyRole(long id, Collection<Role> roles);

	@Query("""
			select distinct u.organization from AppUser u join u.roles r
			where u.enabled and r in :roles""")
	List<Organization> organizationsWithAnyRole(Collection<Role> roles);

	@Query("select distinct u from AppUser u join u.roles r where u.enabled and lower(u.email) = lower(:email) and r in :roles")
	List<AppUser> findEnabledByEmailWithAnyRole(String email, Collection<Role> roles);

}
