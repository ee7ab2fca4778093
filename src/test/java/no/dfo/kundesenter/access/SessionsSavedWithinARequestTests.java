package no.dfo.kundesenter.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Code that changes another session through Spring Session's repository while it handles
 * a request, as "sign out my other sessions" would, has that change stored: sparing the
 * request's own session its writes (decision 54) spares no other session's, and still
 * spares the request's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SessionsSavedWithinARequestTests.OtherSessionNotes.class)
class SessionsSavedWithinARequestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcIndexedSessionRepository store;

	@Autowired
	JdbcTemplate jdbc;

	private String otherSessionId;

	@Test
	void anotherSessionChangedThroughTheRepositoryWithinARequestIsStored() throws Exception {
		SessionRepository<Session> store = sessions(this.store);
		Session other = store.createSession();
		store.save(other);
		this.otherSessionId = other.getId();

		this.mvc.perform(get("/test/other-session-notes").param("id", other.getId()).cookie(signIn()))
			.andExpect(content().string("noted"));

		Session stored = store.findById(other.getId());
		assertThat(stored).isNotNull();
		assertThat(stored.<String>getAttribute("note")).isEqualTo("signed out elsewhere");
	}

	@Test
	void aPageThatChangesNothingLeavesTheRequestsOwnSessionAsStored() throws Exception {
		Cookie signedIn = signIn();
		String id = new String(Base64.getDecoder().decode(signedIn.getValue()), StandardCharsets.UTF_8);
		this.mvc.perform(get("/saker").cookie(signedIn)).andExpect(status().isOk());
		Long accessed = lastAccess(id);

		this.mvc.perform(get("/saker").cookie(signedIn)).andExpect(status().isOk());

		assertThat(lastAccess(id)).isEqualTo(accessed);
	}

	@AfterEach
	void removeTheOtherSession() {
		if (this.otherSessionId != null) {
			this.store.deleteById(this.otherSessionId);
		}
	}

	private Long lastAccess(String sessionId) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
				sessionId);
	}

	private Cookie signIn() throws Exception {
		Cookie cookie = this.mvc
			.perform(post("/login").param("username", "kari").param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(cookie).as("SESSION cookie").isNotNull();
		return cookie;
	}

	@SuppressWarnings("unchecked")
	private static SessionRepository<Session> sessions(SessionRepository<?> repository) {
		return (SessionRepository<Session>) repository;
	}

	/**
	 * Notes something in another session, through the repository the application gets.
	 */
	@RestController
	static class OtherSessionNotes {

		private final SessionRepository<Session> sessions;

		OtherSessionNotes(SessionRepository<?> sessions) {
			this.sessions = sessions(sessions);
		}

		@GetMapping("/test/other-session-notes")
		String note(@RequestParam String id) {
			Session other = this.sessions.findById(id);
			other.setAttribute("note", "signed out elsewhere");
			this.sessions.save(other);
			return "noted";
		}

	}

}
