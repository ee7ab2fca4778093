package no.dfo.kundesenter.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SessionSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private static Cookie sessionCookie(MockHttpServletResponse response) {
		Cookie cookie = response.getCookie("SESSION");
		assertThat(cookie).as("SESSION cookie").isNotNull();
		return cookie;
	}

	private Cookie signIn(Cookie before) throws Exception {
		var response = this.mvc
			.perform(post("/login").param("username", "kari").param("password", "demo").with(csrf()).cookie(before))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		return sessionCookie(response);
	}

	private Cookie anonymousSession() throws Exception {
		return sessionCookie(this.mvc.perform(get("/login")).andReturn().getResponse());
	}

	@Test
	void signingInGivesANewSessionIdAndTheOldOneNoLongerWorks() throws Exception {
		Cookie before = anonymousSession();
		Cookie after = signIn(before);
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		this.mvc.perform(get("/saker").cookie(after)).andExpect(status().isOk());
		this.mvc.perform(get("/saker").cookie(before)).andExpect(status().is3xxRedirection());
	}

	@Test
	void outsideTheDemoProfileTheSessionCookieIsAlwaysSecure() throws Exception {
		Properties base = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		assertThat(base.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
		for (Resource profile : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:application-*.properties")) {
			if (!"application-demo.properties".equals(profile.getFilename())) {
				assertThat(PropertiesLoaderUtils.loadProperties(profile)
					.getProperty("server.servlet.session.cookie.secure", "true")).as(profile.getFilename())
					.isEqualTo("true");
			}
		}
	}

	@Test
	void afterThirtyIdleMinutesThePersonIsSignedOutAndToldWhy() throws Exception {
		Cookie session = signIn(anonymousSession());
		this.mvc.perform(get("/saker").cookie(session)).andExpect(status().isOk());
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		assertThat(this.jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Integer.class, id))
			.as("30 minutes, and the minute to which the time of access is stored")
			.isEqualTo(31 * 60);

		this.jdbc.update("""
				update spring_session set last_access_time = last_access_time - 31 * 60 * 1000,
				    expiry_time = expiry_time - 31 * 60 * 1000 where session_id = ?""", id);

		this.mvc.perform(get("/saker").cookie(session)).andExpect(redirectedUrl("/login?utlopt"));
		this.mvc.perform(get("/login").param("utlopt", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ikke har vært aktiv på 30 minutter")));
	}

	@Test
	void aSessionThatIsStillActiveIsNotTimedOut() throws Exception {
		Cookie session = signIn(anonymousSession());
		String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
		this.jdbc.update("""
				update spring_session set last_access_time = last_access_time - 29 * 60 * 1000,
				    expiry_time = expiry_time - 29 * 60 * 1000 where session_id = ?""", id);
		this.mvc.perform(get("/saker").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("ikke har vært aktiv"))));
	}

	@Test
	void theLoginPageCarriesTheSecurityHeadersToo() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
	}

}
