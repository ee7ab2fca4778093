package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request reads its session from PostgreSQL in one statement, without a transaction;
 * whatever writes the session still runs in one.
 */
@SpringBootTest
class SessionStoreTransactionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcIndexedSessionRepository configured;

	private CountingTransactionManager transactionManager;

	private SessionRepository<Session> store;

	private Session session;

	@Test
	void thePortalsSessionStoreReadsWithoutTransactions() {
		Object store = AopTestUtils.getUltimateTargetObject(this.configured);
		assertThat(ReflectionTestUtils.getField(store, "transactionOperations"))
			.isInstanceOf(SessionRoundTrips.ReadsWithoutTransaction.class);
	}

	@Test
	void aRequestThatOnlyReadsItsSessionBeginsNoTransaction() throws Exception {
		storedSession();

		MockHttpServletResponse response = within((request) -> {
		});

		assertThat(response.getContentAsString()).isEqualTo("Kari");
		assertThat(this.transactionManager.begun).isZero();
	}

	@Test
	void aRequestThatChangesItsSessionWritesItInATransaction() throws Exception {
		storedSession();

		within((request) -> request.getSession().setAttribute("name", "Ola"));

		assertThat(this.transactionManager.begun).isEqualTo(1);
		assertThat(this.store.findById(this.session.getId()).<String>getAttribute("name")).isEqualTo("Ola");
	}

	@Test
	void aReadOutsideARequestKeepsItsTransaction() {
		storedSession();

		assertThat(this.store.findById(this.session.getId())).isNotNull();

		assertThat(this.transactionManager.begun).isEqualTo(1);
	}

	@AfterEach
	void removeTheSession() {
		if (this.session != null) {
			new JdbcTemplate(this.dataSource).update("delete from spring_session where session_id = ?",
					this.session.getId());
		}
	}

	private void storedSession() {
		this.transactionManager = new CountingTransactionManager(this.dataSource);
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.store = sessions(SessionRoundTrips.proxy(new JdbcIndexedSessionRepository(
				new JdbcTemplate(this.dataSource), SessionRoundTrips.readsWithoutTransaction(transactions))));
		this.session = this.store.createSession();
		this.session.setAttribute("name", "Kari");
		this.store.save(this.session);
		this.transactionManager.begun = 0;
	}

	private MockHttpServletResponse within(SessionRoundTripsTests.Page page) throws Exception {
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				page.handle(request);
				response.getWriter().write(String.valueOf(request.getSession().getAttribute("name")));
			}
		};
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/saker");
		request.setCookies(new Cookie("SESSION",
				Base64.getEncoder().encodeToString(this.session.getId().getBytes(StandardCharsets.UTF_8))));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(servlet, SessionRoundTrips.scope(), new SessionRepositoryFilter<>(this.store),
				SessionRoundTrips.lookups())
			.doFilter(request, response);
		return response;
	}

	@SuppressWarnings("unchecked")
	private static SessionRepository<Session> sessions(SessionRepository<?> repository) {
		return (SessionRepository<Session>) repository;
	}

	static class CountingTransactionManager extends JdbcTransactionManager {

		int begun;

		CountingTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun++;
			super.doBegin(transaction, definition);
		}

	}

}
