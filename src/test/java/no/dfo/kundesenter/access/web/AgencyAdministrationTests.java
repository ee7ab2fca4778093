package no.dfo.kundesenter.access.web;

import java.util.List;

import no.dfo.kundesenter.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator adds the agencies the portal serves; only then can their people ask
 * for access there. A new installation starts with the centre alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgencyAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private int agenciesNumbered(String number) {
		return this.jdbc.queryForObject("select count(*) from organization where org_number = ?", Integer.class,
				number);
	}

	@Test
	void anAddedAgencyCanBeAskedForAccessAtOnce() throws Exception {
		String number = new TestPeople(this.jdbc).unusedOrgNumber();
		String typed = number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
		this.mvc
			.perform(post("/admin/virksomheter").param("orgNumber", typed)
				.param("name", "  Nyetaten \n i Bergen ")
				.with(as("admin"))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/tilganger?virksomhet=" + number));
		assertThat(this.jdbc.queryForObject("select name from organization where org_number = ?", String.class, number))
			.isEqualTo("Nyetaten i Bergen");
		assertThat(this.jdbc.queryForList(
				"select detail from audit_event where action = 'AGENCY_ADDED' order by id desc limit 1", String.class))
			.containsExactly("org=" + number);

		this.mvc
			.perform(post("/tilgang").param("orgNumber", number)
				.param("role", "REPORTER")
				.param("reason", "Skal melde inn lønnssaker")
				.with(as("nina"))
				.with(csrf()))
			.andExpect(redirectedUrl("/tilgang"));
	}

	@Test
	void anAgencyIsAddedOnceAndOnlyWithAValidNumberAndAName() throws Exception {
		String number = new TestPeople(this.jdbc).unusedOrgNumber();
		String badCheckDigit = number.substring(0, 8) + ((number.charAt(8) - '0' + 1) % 10);
		for (List<String> attempt : List.of(List.of("", "Etaten", "Skriv organisasjonsnummeret"),
				List.of("12345", "Etaten", "9 siffer"), List.of(badCheckDigit, "Etaten", "ikke gyldig"),
				List.of(number, "   ", "Skriv navnet på virksomheten."),
				List.of(number, "\u0000\u200b", "Skriv navnet på virksomheten."),
				List.of(number, "E".repeat(201), "Navnet kan ha høyst 200 tegn."),
				List.of("910000004", "Testetaten igjen", "allerede lagt til"),
				List.of("974000008", "Kundesenteret", "allerede lagt til"))) {
			this.mvc
				.perform(post("/admin/virksomheter").param("orgNumber", attempt.get(0))
					.param("name", attempt.get(1))
					.with(as("admin"))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(attempt.get(2))));
		}
		assertThat(agenciesNumbered(number)).isZero();
		assertThat(
				this.jdbc.queryForObject("select name from organization where org_number = '910000004'", String.class))
			.isEqualTo("Testetaten");
	}

	@Test
	void onlyAnAdministratorAddsAgencies() throws Exception {
		String number = new TestPeople(this.jdbc).unusedOrgNumber();
		for (String who : List.of("siri", "lise", "kari")) {
			this.mvc
				.perform(post("/admin/virksomheter").param("orgNumber", number)
					.param("name", "Snikeetaten")
					.with(as(who))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(
				post("/admin/virksomheter").param("orgNumber", number).param("name", "Snikeetaten").with(as("admin")))
			.andExpect(status().isForbidden());
		assertThat(agenciesNumbered(number)).isZero();
	}

}
