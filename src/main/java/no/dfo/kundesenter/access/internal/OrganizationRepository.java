package no.dfo.kundesenter.access.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

	Optional<Organization> findByOrgNumber(String orgNumber);

}
