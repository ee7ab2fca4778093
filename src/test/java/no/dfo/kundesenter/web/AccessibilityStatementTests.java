package no.dfo.kundesenter.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accessibility statement is open to everyone and linked from every page's footer.
 */
@SpringBootTest(properties = { "portal.web.accessibility.checked-on=2026-11-20",
		"portal.web.accessibility.feedback-email=uu@dfo.example" })
@AutoConfigureMockMvc
class AccessibilityStatementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void anyoneReadsTheStatementWithItsLastCheckAndWhereToGiveFeedback() throws Exception {
		this.mvc.perform(get("/tilgjengelighet"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Tilgjengelighetserklæring for Kundesenter på nett</h1>")))
			.andExpect(content().string(containsString("WCAG 2.1")))
			.andExpect(content().string(containsString("Kjente avvik og planene for dem")))
			.andExpect(content().string(containsString("<time datetime=\"2026-11-20\">20. november 2026</time>")))
			.andExpect(content().string(containsString("href=\"mailto:uu@dfo.example\"")))
			.andExpect(content().string(containsString("https://www.uutilsynet.no/")));
		this.mvc.perform(get("/tilgjengelighet").with(user(this.users.loadUserByUsername("nina"))))
			.andExpect(status().isOk());
	}

	@Test
	void everyPageLinksToTheStatement() throws Exception {
		String link = "<a href=\"/tilgjengelighet\">Tilgjengelighetserklæring</a>";
		this.mvc.perform(get("/login")).andExpect(content().string(containsString(link)));
		this.mvc.perform(get("/saker").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(content().string(containsString(link)));
		this.mvc.perform(get("/finnes-ikke").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString(link)));
		this.mvc.perform(get("/tilgang").with(user(this.users.loadUserByUsername("nina"))))
			.andExpect(content().string(containsString(link)));
	}

}
