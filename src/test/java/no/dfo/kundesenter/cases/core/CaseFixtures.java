package no.dfo.kundesenter.cases.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.internal.PortalUserDetails;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Fresh cases of the demo people in a chosen status, so tests never depend on each
 * other's rows.
 */
@Component
public class CaseFixtures {

	private final CaseRepository cases;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	CaseFixtures(CaseRepository cases, UserDetailsService users, JdbcTemplate jdbc) {
		this.cases = cases;
		this.users = users;
		this.jdbc = jdbc;
	}

	public PortalUser user(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser();
	}

	/**
	 * A new web case reported by the person, moved straight to the status (as if a
	 * caseworker had done so earlier).
	 */
	public long caseOf(String reporter, Category category, CaseStatus status) {
		PortalUser person = user(reporter);
		Case opened = this.cases
			.saveAndFlush(Case.open(new NewCase(category, "Testsak", "Første melding", null), Channel.WEB,
					person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		this.jdbc.update("update support_case set status = ? where id = ?", status.name(), opened.getId());
		return opened.getId();
	}

	public long version(long caseId) {
		return this.jdbc.queryForObject("select version from support_case where id = ?", Long.class, caseId);
	}

	public CaseStatus status(long caseId) {
		return CaseStatus
			.valueOf(this.jdbc.queryForObject("select status from support_case where id = ?", String.class, caseId));
	}

	public int messages(long caseId) {
		return this.jdbc.queryForObject("select count(*) from message where case_id = ?", Integer.class, caseId);
	}

}
