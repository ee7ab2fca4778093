package no.dfo.kundesenter.access.web;

import java.util.stream.Stream;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.TestPeople.Agency;
import no.dfo.kundesenter.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AccessRequestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	TestPeople people;

	Agency agency;

	@BeforeEach
	void setUp() {
		this.people = new TestPeople(this.jdbc);
		this.agency = this.people.agency("Tilgangsetaten");
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private MockHttpServletRequestBuilder requestAccess(String orgNumber, String role, String reason) {
		return post("/tilgang").param("orgNumber", orgNumber).param("role", role).param("reason", reason).with(csrf());
	}

	private long pendingRequestOf(String username) {
		return this.jdbc.queryForObject(
				"select id from access_request where user_id = ? and status = 'PENDING' order by id desc limit 1",
				Long.class, this.people.id(username));
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(Arguments.of("", "REPORTER", "Jobber med lønn", "orgNumber", "access.orgNumber.required"),
				Arguments.of("12345678", "REPORTER", "Jobber med lønn", "orgNumber", "access.orgNumber.format"),
				Arguments.of("9100000O4", "REPORTER", "Jobber med lønn", "orgNumber", "access.orgNumber.format"),
				Arguments.of("910000005", "REPORTER", "Jobber med lønn", "orgNumber", "access.orgNumber.checkDigit"),
				Arguments.of("910000004", "", "Jobber med lønn", "role", "access.role.required"),
				Arguments.of("910000004", "SUPERUSER", "Jobber med lønn", "role", "access.role.required"),
				Arguments.of("910000004", "REPORTER", "   ", "reason", "access.reason.required"),
				Arguments.of("910000004", "REPORTER", "x".repeat(1001), "reason", "access.reason.tooLong"),
				Arguments.of("910000004", "PAYROLL_CASEWORKER", "Jobber med lønn", "role", "access.role.wrongSide"),
				Arguments.of("974000008", "REPORTER", "Jobber med lønn", "role", "access.role.wrongSide"));
	}

	@ParameterizedTest(name = "{0}/{1}/reason gives {4}")
	@MethodSource("badRequests")
	void badInputIsRejectedNextToItsFieldKeepingWhatWasTyped(String orgNumber, String role, String reason, String field,
			String code) throws Exception {
		String nina = this.people.person("ny", this.agency.id());
		this.mvc.perform(requestAccess(orgNumber, role, reason).with(as(nina)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", field, code))
			.andExpect(content().string(containsString("class=\"error-summary\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"" + orgNumber + "\"")));
		assertThat(this.jdbc.queryForObject("select count(*) from access_request where user_id = ?", Integer.class,
				this.people.id(nina)))
			.isZero();
	}

	@Test
	void aValidOrganizationNumberOfNoKnownAgencyIsRefused() throws Exception {
		String nina = this.people.person("ny", this.agency.id());
		this.mvc.perform(requestAccess(this.people.unusedOrgNumber(), "REPORTER", "Ny i jobben").with(as(nina)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "orgNumber", "access.orgNumber.unknown"))
			.andExpect(content().string(containsString("bruker ikke Kundesenter på nett ennå")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/saker", "/saker/ny", "/saker/100000", "/", "/admin/tilganger" })
	void aPersonWithoutAnyRoleIsSentToOrderAccessFromEveryPage(String path) throws Exception {
		String nina = this.people.person("ny", this.agency.id());
		this.mvc.perform(get(path).with(as(nina))).andExpect(redirectedUrl("/tilgang"));
		this.mvc.perform(get("/tilgang").with(as(nina)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Slik fungerer tilgang")))
			.andExpect(content().string(containsString("har ikke tilgang til Kundesenter på nett ennå")));
	}

	@Test
	void approvalGrantsTheRoleAtOnceAndIsRecorded() throws Exception {
		String nina = this.people.person("ny", this.people.existing("910000004").id());
		RequestPostProcessor signedIn = as(nina);
		this.mvc
			.perform(requestAccess(
					" " + this.agency.orgNumber().substring(0, 3) + " " + this.agency.orgNumber().substring(3),
					"PAYROLL_SPECIALIST", "Jeg er lønnsansvarlig")
				.with(signedIn))
			.andExpect(redirectedUrl("/tilgang"))
			.andExpect(flash().attribute("requested", true));
		this.mvc.perform(requestAccess(this.agency.orgNumber(), "PAYROLL_SPECIALIST", "Igjen").with(signedIn))
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "access.request.duplicate"));
		long requestId = pendingRequestOf(nina);
		this.mvc.perform(get("/admin/tilganger").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Jeg er lønnsansvarlig")));

		this.mvc
			.perform(post("/admin/tilganger/" + requestId).param("decision", "godkjenn")
				.param("comment", "")
				.with(csrf())
				.with(as("admin")))
			.andExpect(redirectedUrl("/admin/tilganger"))
			.andExpect(flash().attribute("message", "access.admin.approved"));

		this.mvc.perform(get("/saker").with(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alle saker i virksomheten")));
		assertThat(
				this.jdbc.queryForObject("select organization_id from app_user where username = ?", Long.class, nina))
			.isEqualTo(this.agency.id());
		assertThat(this.jdbc.queryForMap(
				"""
						select c.change, c.role, b.username as by, c.reason from role_change c join app_user b on b.id = c.changed_by
						where c.request_id = ?""",
				requestId))
			.containsEntry("change", "GRANTED")
			.containsEntry("role", "PAYROLL_SPECIALIST")
			.containsEntry("by", "admin")
			.containsEntry("reason", "Jeg er lønnsansvarlig");
		assertThat(this.jdbc.queryForList("select action from audit_event where detail like ?", String.class,
				"request=" + requestId + " %"))
			.contains("ACCESS_REQUESTED", "ACCESS_REQUEST_APPROVED", "ROLE_GRANTED");
		this.mvc
			.perform(post("/admin/tilganger/" + requestId).param("decision", "avvis")
				.param("comment", "For sent")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Forespørselen er allerede behandlet.")));
	}

	@Test
	void rejectionNeedsACommentWhichThePersonThenSees() throws Exception {
		String nina = this.people.person("ny", this.agency.id());
		this.mvc.perform(requestAccess(this.agency.orgNumber(), "REPORTER", "Trenger å melde saker").with(as(nina)))
			.andExpect(status().is3xxRedirection());
		long requestId = pendingRequestOf(nina);

		this.mvc
			.perform(post("/admin/tilganger/" + requestId).param("decision", "avvis")
				.param("comment", " ")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv en kommentar som forklarer")))
			.andExpect(content().string(containsString("id=\"comment-" + requestId + "\"")));
		assertThat(pendingRequestOf(nina)).isEqualTo(requestId);

		this.mvc
			.perform(post("/admin/tilganger/" + requestId).param("decision", "avvis")
				.param("comment", "Lederen din må bekrefte behovet")
				.with(csrf())
				.with(as("admin")))
			.andExpect(redirectedUrl("/admin/tilganger"));
		this.mvc.perform(get("/tilgang").with(as(nina)))
			.andExpect(content().string(containsString("Avvist")))
			.andExpect(content().string(containsString("Lederen din må bekrefte behovet")));
		this.mvc.perform(get("/saker").with(as(nina))).andExpect(redirectedUrl("/tilgang"));
		assertThat(this.jdbc.queryForObject("select count(*) from user_role where user_id = ?", Integer.class,
				this.people.id(nina)))
			.isZero();
	}

	@Test
	void aRevokedRoleStopsWorkingOnTheNextRequestAndTheRevocationIsRecorded() throws Exception {
		String colleague = this.people.person("kollega", this.agency.id(), Role.REPORTER);
		String lena = this.people.person("lena", this.agency.id(), Role.REPORTER, Role.PAYROLL_SPECIALIST);
		long colleaguesCase = insertPayrollCase(colleague);
		long lenasCase = insertPayrollCase(lena);
		RequestPostProcessor signedIn = as(lena);
		this.mvc.perform(get("/saker/" + colleaguesCase).with(signedIn)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", "" + this.people.id(lena))
				.param("role", "PAYROLL_SPECIALIST")
				.param("reason", "")
				.param("virksomhet", this.agency.orgNumber())
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv en begrunnelse.")));
		this.mvc.perform(get("/saker/" + colleaguesCase).with(signedIn)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", "" + this.people.id(lena))
				.param("role", "PAYROLL_SPECIALIST")
				.param("reason", "Byttet avdeling")
				.param("virksomhet", this.agency.orgNumber())
				.with(csrf())
				.with(as("admin")))
			.andExpect(redirectedUrl("/admin/tilganger?virksomhet=" + this.agency.orgNumber()));

		this.mvc.perform(get("/saker/" + colleaguesCase).with(signedIn)).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + lenasCase).with(signedIn)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/tilganger").param("virksomhet", this.agency.orgNumber()).with(as("admin")))
			.andExpect(content().string(containsString("Byttet avdeling")))
			.andExpect(content().string(containsString("Trukket tilbake")));

		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", "" + this.people.id(lena))
				.param("role", "REPORTER")
				.param("reason", "Sluttet")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/saker/" + lenasCase).with(signedIn)).andExpect(redirectedUrl("/tilgang"));
	}

	@Test
	void onlyAdministratorsReachTheAccessAdministration() throws Exception {
		for (String username : new String[] { "kari", "lise", "siri" }) {
			this.mvc.perform(get("/admin/tilganger").with(as(username))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/tilganger/tilbakekall").param("userId", "1")
					.param("role", "REPORTER")
					.param("reason", "x")
					.with(csrf())
					.with(as(username)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void anAdministratorCannotRemoveTheirOwnAdministratorRole() throws Exception {
		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", "" + this.people.id("admin"))
				.param("role", "ADMINISTRATOR")
				.param("reason", "Prøver")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Du kan ikke trekke tilbake din egen administratorrolle.")));
		assertThat(this.jdbc.queryForObject("select count(*) from user_role where user_id = ? and role = ?",
				Integer.class, this.people.id("admin"), "ADMINISTRATOR"))
			.isOne();
	}

	private long insertPayrollCase(String reporter) {
		return this.jdbc.queryForObject("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				    created_at, updated_at, activity_at)
				select 'PAYROLL', 'WEB', 'ACTIVE', 'Lønnssak', organization_id, id, now(), now(), now()
				from app_user where username = ? returning id""", Long.class, reporter);
	}

}
