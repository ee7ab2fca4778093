package no.dfo.kundesenter.access;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthAnswersUpWithoutLogin() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void nothingElseOfActuatorIsPublic() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/info" }) {
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
	}

	@Test
	@WithUserDetails("admin")
	void actuatorIsClosedEvenWhenSignedIn() throws Exception {
		this.mvc.perform(get("/actuator/env")).andExpect(status().isForbidden());
	}

	@Test
	void pagesAskForLoginAndComeBackAfterwards() throws Exception {
		this.mvc.perform(get("/saker/100000")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/")).andExpect(status().is3xxRedirection());
	}

	@Test
	void afterLoginThePersonLandsOnTheBookmarkedPage() throws Exception {
		var firstVisit = this.mvc.perform(get("/saker?side=2")).andExpect(redirectedUrl("/login")).andReturn();
		this.mvc
			.perform(post("/login").param("username", "kari")
				.param("password", "demo")
				.with(csrf())
				.cookie(firstVisit.getResponse().getCookies()))
			.andExpect(authenticated())
			.andExpect(redirectedUrl("http://localhost/saker?side=2"));
	}

	@Test
	void demoUsersSignInWithTheDemoPassword() throws Exception {
		this.mvc.perform(formLogin().user("kari").password("demo")).andExpect(authenticated().withUsername("kari"));
		this.mvc.perform(formLogin().user("kari").password("wrong"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theLoginPageExplainsAFailedLogin() throws Exception {
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Feil brukernavn eller passord.")));
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		this.mvc.perform(logout()).andExpect(redirectedUrl("/login?logout")).andExpect(unauthenticated());
	}

	@Test
	@WithUserDetails("kari")
	void pagesCarryTheSecurityHeadersAndTheSignedInPerson() throws Exception {
		this.mvc.perform(get("/saker"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().exists("Referrer-Policy"))
			.andExpect(content().string(containsString("Kari Nordmann")))
			.andExpect(content().string(containsString("Testetaten")))
			.andExpect(content().string(containsString("href=\"#main\"")));
	}

}
