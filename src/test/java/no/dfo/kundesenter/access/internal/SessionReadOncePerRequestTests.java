package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

class SessionReadOncePerRequestTests {

	private final CountingSessions store = new CountingSessions();

	@Test
	void springSessionAloneReadsTheSessionAgainAfterSavingIt() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);

		MockHttpServletResponse response = redirectWithin(session, new SessionRepositoryFilter<>(this.store));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(this.store.reads).isEqualTo(2);
	}

	@Test
	void aRequestReadsItsSessionOnceWhenItsLookupsAreScoped() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);

		MockHttpServletResponse response = redirectWithin(session, SessionReadOncePerRequest.scope(),
				new SessionRepositoryFilter<>(SessionReadOncePerRequest.proxy(this.store)));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(this.store.reads).isEqualTo(1);
		assertThat(this.store.findById(session.getId()).<String>getAttribute("seen")).isEqualTo("yes");
	}

	@Test
	void eachRequestReadsTheSessionAfresh() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);
		SessionRepositoryFilter<MapSession> sessions = new SessionRepositoryFilter<>(
				SessionReadOncePerRequest.proxy(this.store));

		redirectWithin(session, SessionReadOncePerRequest.scope(), sessions);
		redirectWithin(session, SessionReadOncePerRequest.scope(), sessions);

		assertThat(this.store.reads).isEqualTo(2);
	}

	@Test
	void aSessionWhoseIdChangedIsNotFoundByItsOldId() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);
		String oldId = session.getId();
		SessionRepositoryFilter<MapSession> sessions = new SessionRepositoryFilter<>(
				SessionReadOncePerRequest.proxy(this.store));
		HttpServlet signIn = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				request.getSession();
				request.changeSessionId();
			}
		};

		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(signIn, SessionReadOncePerRequest.scope(), sessions).doFilter(requestFor(oldId), response);

		assertThat(this.store.findById(oldId)).isNull();
		assertThat(response.getCookie("SESSION")).isNotNull();
		String newId = new String(Base64.getDecoder().decode(response.getCookie("SESSION").getValue()),
				StandardCharsets.UTF_8);
		assertThat(newId).isNotEqualTo(oldId);
		assertThat(this.store.findById(newId)).isNotNull();
	}

	private static MockHttpServletResponse redirectWithin(MapSession session, Filter... filters) throws Exception {
		HttpServlet page = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response)
					throws java.io.IOException {
				request.getSession().setAttribute("seen", "yes");
				response.sendRedirect("/saker/1");
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(page, filters).doFilter(requestFor(session.getId()), response);
		return response;
	}

	private static MockHttpServletRequest requestFor(String sessionId) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/saker");
		request.setCookies(
				new Cookie("SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
		return request;
	}

	static class CountingSessions extends MapSessionRepository {

		int reads;

		CountingSessions() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			this.reads++;
			return super.findById(id);
		}

	}

}
