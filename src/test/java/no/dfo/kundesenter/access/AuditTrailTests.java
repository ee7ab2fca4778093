package no.dfo.kundesenter.access;

import no.dfo.kundesenter.access.internal.PortalUserDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	UserDetailsService users;

	private PortalUser portalUser(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser();
	}

	private long aPayrollCaseOf(String username) {
		return this.jdbc.queryForObject("""
				select c.id from support_case c join app_user u on u.id = c.reporter_id
				where u.username = ? and c.category = 'PAYROLL' order by c.id limit 1""", Long.class, username);
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveTheAuditTrail() {
		this.audit.record(portalUser("siri"), AuditAction.STATUS_CHANGED, null, "test=append-only");
		long id = this.jdbc.queryForObject("select max(id) from audit_event where detail = 'test=append-only'",
				Long.class);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("update audit_event set detail = 'rewritten' where id = ?", id));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from audit_event where id = ?", id));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.execute("truncate audit_event"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from role_change"));
		assertThat(this.jdbc.queryForObject("select detail from audit_event where id = ?", String.class, id))
			.isEqualTo("test=append-only");
	}

	@Test
	void openingACaseIsRecordedAndOnlyCaseworkersSeeWhoOpenedIt() throws Exception {
		long caseId = aPayrollCaseOf("ola");
		this.mvc.perform(get("/saker/" + caseId).with(user(this.users.loadUserByUsername("ola"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Hvem har åpnet saken"))));
		this.mvc.perform(get("/saker/" + caseId).with(user(this.users.loadUserByUsername("lise"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Hvem har åpnet saken"))));
		this.mvc.perform(get("/saker/" + caseId).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hvem har åpnet saken")))
			.andExpect(content().string(containsString("Ola Nordmann: åpnet saken")))
			.andExpect(content().string(containsString("Lise Lønn: åpnet saken")));

		assertThat(this.audit.forCase(caseId)).extracting(AuditEntry::actorName)
			.startsWith("Siri Saksbehandler", "Lise Lønn", "Ola Nordmann");
	}

	@Test
	void aCaseThePersonMayNotSeeIsNotRecordedAsOpened() throws Exception {
		long caseId = aPayrollCaseOf("per");
		long before = this.audit.forCase(caseId).size();
		this.mvc.perform(get("/saker/" + caseId).with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound());
		assertThat(this.audit.forCase(caseId)).hasSize((int) before);
	}

	@Test
	void registeringACaseIsRecordedWithoutItsContent() throws Exception {
		String location = this.mvc
			.perform(post("/saker").param("category", "ACCOUNTING")
				.param("subject", "Hemmelig emne")
				.param("message", "Hemmelig tekst")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("rune"))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.audit.forCase(caseId)).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo(AuditAction.CASE_REGISTERED);
			assertThat(entry.actorName()).isEqualTo("Rune Regnskap");
			assertThat(entry.detail()).doesNotContain("Hemmelig").contains("channel=WEB");
		});
	}

}
