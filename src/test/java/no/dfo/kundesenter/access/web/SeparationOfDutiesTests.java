package no.dfo.kundesenter.access.web;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody approves their own access or grants a role to themselves, and nobody is
 * administrator while holding a role that sees cases (DESIGN.md §5: an administrator sees
 * no case content).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeparationOfDutiesTests {

	private static final String CENTRE = "974000008";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	TestPeople people;

	long centre;

	@BeforeEach
	void setUp() {
		this.people = new TestPeople(this.jdbc);
		this.centre = this.people.existing(CENTRE).id();
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long pendingRequest(String username, long organizationId, Role role) {
		return this.jdbc.queryForObject("""
				insert into access_request (user_id, organization_id, role, reason)
				values (?, ?, ?, 'Trenger tilgang') returning id""", Long.class, this.people.id(username),
				organizationId, role.name());
	}

	private String requestStatus(long requestId) {
		return this.jdbc.queryForObject("select status from access_request where id = ?", String.class, requestId);
	}

	private boolean holds(String username, Role role) {
		return this.jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = ?", Integer.class,
				this.people.id(username), role.name()) == 1;
	}

	@Test
	void anAdministratorCannotDecideOnTheirOwnRequest() throws Exception {
		// Asked for a role before becoming administrator; the request is still pending.
		String anne = this.people.person("adm", this.centre);
		long own = pendingRequest(anne, this.centre, Role.ACCOUNTING_CASEWORKER);
		this.jdbc.update("insert into user_role (user_id, role) values (?, 'ADMINISTRATOR')", this.people.id(anne));

		this.mvc.perform(get("/admin/tilganger").with(as(anne)))
			.andExpect(content().string(containsString("Dette er din egen forespørsel.")))
			.andExpect(content().string(not(containsString("/admin/tilganger/" + own + "\""))));
		for (String decision : new String[] { "godkjenn", "avvis" }) {
			this.mvc
				.perform(post("/admin/tilganger/" + own).param("decision", decision)
					.param("comment", "Ok")
					.with(csrf())
					.with(as(anne)))
				.andExpect(status().isOk())
				.andExpect(model().attribute("decisionError", "access.decision.self"))
				.andExpect(content().string(containsString("Du kan ikke behandle din egen forespørsel.")));
		}
		assertThat(requestStatus(own)).isEqualTo("PENDING");
		assertThat(holds(anne, Role.ACCOUNTING_CASEWORKER)).isFalse();
	}

	@Test
	void anAdministratorCannotAskForARoleThatSeesCases() throws Exception {
		this.mvc
			.perform(post("/tilgang").param("orgNumber", CENTRE)
				.param("role", "PAYROLL_CASEWORKER")
				.param("reason", "Hjelpe til i lønn")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "access.role.separation"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from access_request where user_id = ? and role = 'PAYROLL_CASEWORKER'", Integer.class,
				this.people.id("admin")))
			.isZero();
	}

	@Test
	void aCaseworkerCannotAskToBecomeAdministrator() throws Exception {
		String caseworker = this.people.person("sb", this.centre, Role.PAYROLL_CASEWORKER);
		this.mvc
			.perform(post("/tilgang").param("orgNumber", CENTRE)
				.param("role", "ADMINISTRATOR")
				.param("reason", "Vil administrere")
				.with(csrf())
				.with(as(caseworker)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "access.role.separation"));
	}

	@Test
	void anotherAdministratorCannotGiveACaseworkerTheAdministratorRole() throws Exception {
		String caseworker = this.people.person("sb", this.centre, Role.PAYROLL_CASEWORKER);
		long request = pendingRequest(caseworker, this.centre, Role.ADMINISTRATOR);

		this.mvc
			.perform(post("/admin/tilganger/" + request).param("decision", "godkjenn")
				.param("comment", "")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("decisionError", "access.decision.separation"));

		assertThat(requestStatus(request)).isEqualTo("PENDING");
		assertThat(holds(caseworker, Role.ADMINISTRATOR)).isFalse();
	}

	@Test
	void theDatabaseRefusesAnAdministratorWithARoleThatSeesCases() {
		String caseworker = this.people.person("sb", this.centre, Role.ACCOUNTING_CASEWORKER);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.update("insert into user_role (user_id, role) values (?, 'ADMINISTRATOR')", this.people.id(caseworker)));
		String administrator = this.people.person("adm", this.centre, Role.ADMINISTRATOR);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.update("insert into user_role (user_id, role) values (?, 'REPORTER')", this.people.id(administrator)));
		assertThat(holds(caseworker, Role.ADMINISTRATOR)).isFalse();
		assertThat(holds(administrator, Role.REPORTER)).isFalse();
	}

	@Test
	void aCaseworkerMayHoldBothCategories() {
		String caseworker = this.people.person("sb", this.centre, Role.PAYROLL_CASEWORKER);
		this.jdbc.update("insert into user_role (user_id, role) values (?, 'ACCOUNTING_CASEWORKER')",
				this.people.id(caseworker));
		assertThat(holds(caseworker, Role.ACCOUNTING_CASEWORKER)).isTrue();
	}

}
