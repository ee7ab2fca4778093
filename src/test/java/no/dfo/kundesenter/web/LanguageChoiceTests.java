package no.dfo.kundesenter.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which language a page is in: {@code ?lang=} on any address, kept in a cookie and on the
 * person; else the browser's; else bokmål.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LanguageChoiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "nn-NO,nn;q=0.9,en;q=0.5 | nn", "no | nb", "nb-NO | nb", "en-US,en;q=0.9 | en",
					"de-DE,fr;q=0.8 | nb", "de, en;q=0.5 | en", "*;q=0.1 | nb", "ikke;;;en;header=== | nb" })
	void aFirstVisitFollowsTheBrowsersLanguage(String acceptLanguage, String expected) throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", acceptLanguage))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"" + expected + "\"")))
			.andExpect(cookie().doesNotExist("lang"));
	}

	@Test
	void aLanguageChosenOnAnyAddressIsKeptInACookie() throws Exception {
		MvcResult chosen = this.mvc.perform(get("/login?lang=nn").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"nn\"")))
			.andReturn();
		Cookie cookie = chosen.getResponse().getCookie("lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("nn");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);
		assertThat(chosen.getResponse().getHeader("Set-Cookie")).contains("SameSite=Lax");
		this.mvc.perform(get("/login").cookie(cookie).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("<html lang=\"nn\"")));
	}

	@Test
	void aSignedOutPersonAskingForAPageInALanguageLogsInInIt() throws Exception {
		MvcResult redirected = this.mvc.perform(get("/saker?lang=en")).andReturn();
		assertThat(redirected.getResponse().getStatus()).isEqualTo(302);
		assertThat(redirected.getResponse().getCookie("lang").getValue()).isEqualTo("en");
	}

	@ParameterizedTest
	@CsvSource({ "de", "NN'><script>", "''", "nb-NO", "%00" })
	void aLanguageThePortalDoesNotSpeakIsIgnored(String asked) throws Exception {
		this.mvc.perform(get("/login?lang=" + asked).cookie(new Cookie("lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(cookie().doesNotExist("lang"));
	}

	@Test
	void aGarbledLanguageCookieCountsAsNone() throws Exception {
		this.mvc.perform(get("/login").cookie(new Cookie("lang", "x<y")).header("Accept-Language", "nn"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"nn\"")));
	}

	@Test
	void theSwitcherLinksToTheSamePageAndQueryInEachLanguage() throws Exception {
		this.mvc.perform(get("/saker?status=CLOSED&side=1&lang=nb").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"/saker?status=CLOSED&amp;side=1&amp;lang=nn\" lang=\"nn\" hreflang=\"nn\">Nynorsk</a>")))
			.andExpect(content().string(containsString(
					"<a href=\"/saker?status=CLOSED&amp;side=1&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>")))
			.andExpect(content().string(containsString(
					"<a href=\"/saker?status=CLOSED&amp;side=1&amp;lang=nb\" lang=\"nb\" hreflang=\"nb\" aria-current=\"true\">Bokmål</a>")));
		this.mvc.perform(get("/finnes-ikke?a=<b>").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("href=\"/finnes-ikke?a=%3Cb%3E&amp;lang=nn\"")))
			.andExpect(content().string(not(containsString("<b>"))));
	}

	@Test
	void theLanguageASignedInPersonChoosesIsKeptOnThePerson() throws Exception {
		var ola = this.users.loadUserByUsername("ola");
		this.mvc.perform(get("/saker?lang=nn").with(user(ola))).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select language from app_user where username = 'ola'", String.class))
			.isEqualTo("nn");
		this.mvc.perform(get("/saker?lang=nb").with(user(ola))).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select language from app_user where username = 'ola'", String.class))
			.isEqualTo("nb");
	}

	@Test
	void aBrowserThatChoseNoLanguageStartsWithTheOneThePersonChoseBefore() throws Exception {
		this.jdbc.update("update app_user set language = 'en' where username = 'lise'");
		var lise = this.users.loadUserByUsername("lise");
		MvcResult first = this.mvc.perform(get("/saker").with(user(lise)).header("Accept-Language", "nb"))
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andReturn();
		assertThat(first.getResponse().getCookie("lang").getValue()).isEqualTo("en");
		// A browser that chose keeps its choice.
		this.mvc.perform(get("/saker").with(user(lise)).cookie(new Cookie("lang", "nn")))
			.andExpect(content().string(containsString("<html lang=\"nn\"")));
		this.jdbc.update("update app_user set language = null where username = 'lise'");
	}

}
