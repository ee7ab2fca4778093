package no.dfo.kundesenter.notifications;

import jakarta.servlet.http.Cookie;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A notice's link opened by someone who is signed out: the login page, then the case.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeLinkThroughLoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theCaseLinkLeadsThroughLoginToTheCase() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.WAITING_FOR_CUSTOMER);
		this.jdbc.update("update support_case set subject = ? where id = ?", "Lenke gjennom innlogging", id);

		MvcResult signedOut = this.mvc.perform(get("/saker/" + id)).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(signedOut.getResponse().getRedirectedUrl()).endsWith("/login");
		Cookie[] session = signedOut.getResponse().getCookies();

		MvcResult login = this.mvc
			.perform(post("/login").param("username", "kari").param("password", "demo").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String target = login.getResponse().getRedirectedUrl();
		assertThat(target).contains("/saker/" + id);

		this.mvc.perform(get(target.replaceFirst("^https?://[^/]+", "")).cookie(login.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lenke gjennom innlogging")));
	}

}
