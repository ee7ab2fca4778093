package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRoundTripsTests {

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

		MockHttpServletResponse response = redirectWithin(session, SessionRoundTrips.scope(),
				new SessionRepositoryFilter<>(SessionRoundTrips.proxy(this.store)), SessionRoundTrips.lookups());

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(this.store.reads).isEqualTo(1);
		assertThat(this.store.findById(session.getId()).<String>getAttribute("seen")).isEqualTo("yes");
	}

	@Test
	void eachRequestReadsTheSessionAfresh() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);
		SessionRepositoryFilter<MapSession> sessions = new SessionRepositoryFilter<>(
				SessionRoundTrips.proxy(this.store));

		redirectWithin(session, SessionRoundTrips.scope(), sessions, SessionRoundTrips.lookups());
		redirectWithin(session, SessionRoundTrips.scope(), sessions, SessionRoundTrips.lookups());

		assertThat(this.store.reads).isEqualTo(2);
	}

	@Test
	void aSessionWhoseIdChangedIsNotFoundByItsOldId() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);
		String oldId = session.getId();
		SessionRepositoryFilter<MapSession> sessions = new SessionRepositoryFilter<>(
				SessionRoundTrips.proxy(this.store));
		HttpServlet signIn = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				request.getSession();
				request.changeSessionId();
			}
		};

		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(signIn, SessionRoundTrips.scope(), sessions, SessionRoundTrips.lookups())
			.doFilter(requestFor(oldId), response);

		assertThat(this.store.findById(oldId)).isNull();
		assertThat(response.getCookie("SESSION")).isNotNull();
		String newId = new String(Base64.getDecoder().decode(response.getCookie("SESSION").getValue()),
				StandardCharsets.UTF_8);
		assertThat(newId).isNotEqualTo(oldId);
		assertThat(this.store.findById(newId)).isNotNull();
	}

	@Test
	void aRequestThatChangesNothingDoesNotWriteASessionAccessedWithinTheMinute() throws Exception {
		MapSession session = this.store.createSession();
		session.setAttribute("seen", "yes");
		this.store.save(session);
		this.store.saves = 0;

		MockHttpServletResponse response = within(session, reading("seen"));

		assertThat(response.getContentAsString()).isEqualTo("yes");
		assertThat(this.store.saves).isZero();
	}

	@Test
	void aRequestThatChangesNothingWritesASessionLastStoredAMinuteAgo() throws Exception {
		MapSession session = this.store.createSession();
		Instant minuteAgo = Instant.now().minus(SessionRoundTrips.ACCESS_PRECISION);
		session.setLastAccessedTime(minuteAgo);
		this.store.save(session);
		this.store.saves = 0;

		within(session, reading("seen"));

		assertThat(this.store.saves).isEqualTo(1);
		assertThat(this.store.findById(session.getId()).getLastAccessedTime()).isAfter(minuteAgo);
	}

	@Test
	void aRequestThatSetsOrRemovesAnAttributeWritesTheSession() throws Exception {
		MapSession session = this.store.createSession();
		session.setAttribute("flash", "Meldingen er sendt");
		this.store.save(session);
		this.store.saves = 0;

		within(session, (request) -> request.getSession().setAttribute("seen", "yes"));
		within(session, (request) -> request.getSession(false).removeAttribute("flash"));

		assertThat(this.store.saves).isEqualTo(2);
		MapSession stored = this.store.findById(session.getId());
		assertThat(stored.<String>getAttribute("seen")).isEqualTo("yes");
		assertThat(stored.<String>getAttribute("flash")).isNull();
	}

	@Test
	void aRequestThatChangesTheTimeoutWritesTheSession() throws Exception {
		MapSession session = this.store.createSession();
		this.store.save(session);
		this.store.saves = 0;

		within(session, (request) -> request.getSession().setMaxInactiveInterval(60));

		assertThat(this.store.saves).isEqualTo(1);
		assertThat(this.store.findById(session.getId()).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aNewSessionIsWritten() throws Exception {
		HttpServlet page = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				request.getSession();
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(page, SessionRoundTrips.scope(),
				new SessionRepositoryFilter<>(SessionRoundTrips.proxy(this.store)), SessionRoundTrips.lookups())
			.doFilter(new MockHttpServletRequest("GET", "/saker"), response);

		assertThat(this.store.saves).isEqualTo(1);
	}

	@Test
	void anotherSessionChangedAndSavedWithinARequestIsWritten() throws Exception {
		MapSession own = this.store.createSession();
		this.store.save(own);
		MapSession other = this.store.createSession();
		this.store.save(other);
		SessionRepository<MapSession> sessions = SessionRoundTrips.proxy(this.store);
		this.store.saves = 0;

		within(own, sessions, (request) -> {
			MapSession found = sessions.findById(other.getId());
			found.setAttribute("note", "signed out elsewhere");
			sessions.save(found);
		});

		assertThat(this.store.saves).isEqualTo(1);
		assertThat(this.store.findById(other.getId()).<String>getAttribute("note")).isEqualTo("signed out elsewhere");
	}

	@Test
	void theRequestsOwnSessionReadByItsIdWithinTheRequestComesFromTheStore() throws Exception {
		MapSession own = this.store.createSession();
		this.store.save(own);
		SessionRepository<MapSession> sessions = SessionRoundTrips.proxy(this.store);
		this.store.reads = 0;

		within(own, sessions, (request) -> {
			request.getSession();
			MapSession found = sessions.findById(own.getId());
			found.setAttribute("note", "changed through the repository");
			sessions.save(found);
		});

		assertThat(this.store.reads).isEqualTo(2);
		assertThat(this.store.findById(own.getId()).<String>getAttribute("note"))
			.isEqualTo("changed through the repository");
	}

	private MockHttpServletResponse within(MapSession session, Page page) throws Exception {
		return within(session, SessionRoundTrips.proxy(this.store), page);
	}

	private MockHttpServletResponse within(MapSession session, SessionRepository<MapSession> sessions, Page page)
			throws Exception {
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response)
					throws java.io.IOException {
				page.handle(request);
				Object seen = request.getSession().getAttribute("seen");
				response.getWriter().write(String.valueOf(seen));
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(servlet, SessionRoundTrips.scope(), new SessionRepositoryFilter<>(sessions),
				SessionRoundTrips.lookups())
			.doFilter(requestFor(session.getId()), response);
		return response;
	}

	private static Page reading(String attribute) {
		return (request) -> request.getSession().getAttribute(attribute);
	}

	interface Page {

		void handle(HttpServletRequest request);

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

		int saves;

		CountingSessions() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			this.reads++;
			return super.findById(id);
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			super.save(session);
		}

	}

}
