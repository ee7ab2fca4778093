package no.dfo.kundesenter.cases.page;

import java.util.List;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CaseVisibilityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private Case aCaseOf(String username, Category category) {
		long reporterId = id(username);
		return this.cases.findAll()
			.stream()
			.filter((c) -> c.getReporterId() == reporterId && c.getCategory() == category)
			.findFirst()
			.orElseThrow();
	}

	private long id(String username) {
		var details = (no.dfo.kundesenter.access.internal.PortalUserDetails) this.users.loadUserByUsername(username);
		return details.getUser().id();
	}

	@Test
	void anotherInnmelderGetsNotFoundOnSomeoneElsesCase() throws Exception {
		Case karis = aCaseOf("kari", Category.PAYROLL);
		this.mvc.perform(get("/saker/" + karis.getId()).with(user(this.users.loadUserByUsername("ola"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Fant ikke siden")))
			.andExpect(content().string(containsString("Ola Nordmann")))
			.andExpect(content().string(not(containsString(karis.getSubject()))));
	}

	@Test
	void theReporterSeesTheirOwnCase() throws Exception {
		Case karis = aCaseOf("kari", Category.ACCOUNTING);
		this.mvc.perform(get("/saker/" + karis.getId()).with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(karis.getSubject())));
	}

	@Test
	void aPayrollSpecialistSeesTheAgencysPayrollCasesButNotItsAccountingCases() throws Exception {
		var lise = user(this.users.loadUserByUsername("lise"));
		this.mvc.perform(get("/saker/" + aCaseOf("kari", Category.PAYROLL).getId()).with(lise))
			.andExpect(status().isOk());
		this.mvc.perform(get("/saker/" + aCaseOf("kari", Category.ACCOUNTING).getId()).with(lise))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + aCaseOf("per", Category.PAYROLL).getId()).with(lise))
			.andExpect(status().isNotFound());
	}

	@Test
	void caseworkersSeeTheirCategoryAcrossAgenciesAndTheAdministratorSeesNoCase() throws Exception {
		long payroll = aCaseOf("per", Category.PAYROLL).getId();
		long accounting = aCaseOf("per", Category.ACCOUNTING).getId();
		this.mvc.perform(get("/saker/" + payroll).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/saker/" + accounting).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + accounting).with(user(this.users.loadUserByUsername("sverre"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/saker/" + payroll).with(user(this.users.loadUserByUsername("admin"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void internalNotesAreShownToCaseworkersOnly() throws Exception {
		long answered = this.jdbc.queryForObject("""
				select c.id from support_case c join message m on m.case_id = c.id
				where c.reporter_id = ? and c.category = 'PAYROLL' and m.internal order by c.id limit 1""", Long.class,
				id("kari"));
		this.mvc.perform(get("/saker/" + answered).with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Internt notat"))));
		this.mvc.perform(get("/saker/" + answered).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Internt notat")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "99999999999999999999", "-1", "1.5", "99999999", "0" })
	@WithUserDetails("kari")
	void anIdThatIsNotACaseAnswersNotFoundInTheLayout(String id) throws Exception {
		this.mvc.perform(get("/saker/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Fant ikke siden")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	@WithUserDetails("kari")
	void theListShowsOnlyTheViewersOwnCases() throws Exception {
		long kari = id("kari");
		List<Case> visible = this.cases.findAll(CaseAccessPolicy
			.visibleTo(((no.dfo.kundesenter.access.internal.PortalUserDetails) this.users.loadUserByUsername("kari"))
				.getUser()));
		org.assertj.core.api.Assertions.assertThat(visible).isNotEmpty().allMatch((c) -> c.getReporterId() == kari);
		Case olas = aCaseOf("ola", Category.PAYROLL);
		this.mvc.perform(get("/saker"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/saker/" + olas.getId() + "\""))));
	}

}
