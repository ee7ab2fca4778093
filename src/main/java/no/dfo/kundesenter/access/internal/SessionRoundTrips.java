package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spares the session store round trips that change nothing.
 * <ul>
 * <li>Spring Session's filter reads the session a second time after it has saved it at
 * the end of a request (spring-session#1731). Within one request, a repeated lookup of a
 * session id is answered with the session the first lookup returned.</li>
 * <li>Spring Session writes every session back at the end of every request, if only to
 * store the time of access. A session that the request did not change is written only
 * when its stored time of access is {@link #ACCESS_PRECISION} old; sessions therefore
 * last up to that much less than their timeout after the last request.</li>
 * <li>Spring Session reads a session in a transaction of its own. A request's read is one
 * statement and runs without one, sparing a BEGIN and a COMMIT on every request.</li>
 * </ul>
 * {@link #scope()} marks the request and must run around Spring Session's filter;
 * {@link #changes()} notices what the request changes in the session and must run just
 * inside it.
 */
final class SessionRoundTrips implements MethodInterceptor {

	static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);

	private static final ThreadLocal<@Nullable RequestState> CURRENT = new ThreadLocal<>();

	private SessionRoundTrips() {
	}

	/**
	 * The repository behind its session repository interfaces only: as a bean beside the
	 * repository, the proxy must not run the repository's own life cycle again.
	 */
	@SuppressWarnings("unchecked")
	static <S extends Session> SessionRepository<S> proxy(SessionRepository<S> repository) {
		ProxyFactory proxy = new ProxyFactory();
		proxy.setTarget(repository);
		proxy.addInterface(SessionRepository.class);
		if (repository instanceof FindByIndexNameSessionRepository) {
			proxy.addInterface(FindByIndexNameSessionRepository.class);
		}
		proxy.addAdvice(new SessionRoundTrips());
		return (SessionRepository<S>) proxy.getProxy(SessionRoundTrips.class.getClassLoader());
	}

	/** Holds what a request read of its session, around Spring Session's filter. */
	static Filter scope() {
		return SessionRoundTrips::withinRequest;
	}

	/**
	 * Notes each change of the session's attributes or timeout, inside Spring Session's
	 * filter.
	 */
	static Filter changes() {
		return (request, response, chain) -> {
			RequestState state = CURRENT.get();
			chain.doFilter((state != null && request instanceof HttpServletRequest http)
					? new ChangeNoticingRequest(http, state) : request, response);
		};
	}

	private static void withinRequest(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (CURRENT.get() != null) {
			chain.doFilter(request, response);
			return;
		}
		CURRENT.set(new RequestState());
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
		}
	}

	/**
	 * The session store's transactions, but none for a request's read of its session (and
	 * the removal of the session if it has expired, a single statement too).
	 */
	static TransactionOperations readsWithoutTransaction(TransactionOperations transactions) {
		return new ReadsWithoutTransaction(transactions);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		RequestState state = CURRENT.get();
		if (state == null) {
			return invocation.proceed();
		}
		Object[] arguments = invocation.getArguments();
		switch (invocation.getMethod().getName()) {
			case "findById" -> {
				if (state.read.get((String) arguments[0]) instanceof Session known) {
					return known;
				}
				Object found;
				state.reading = true;
				try {
					found = invocation.proceed();
				}
				finally {
					state.reading = false;
				}
				if (found instanceof Session session) {
					state.read(session);
				}
				return found;
			}
			case "save" -> {
				Session session = (Session) arguments[0];
				if (state.unchangedButForAccess(session)) {
					return null;
				}
				Object result = invocation.proceed();
				state.saved(session);
				return result;
			}
			case "deleteById" -> {
				state.read.remove((String) arguments[0]);
				return invocation.proceed();
			}
			default -> {
				return invocation.proceed();
			}
		}
	}

	static final class ReadsWithoutTransaction implements TransactionOperations {

		private final TransactionOperations transactions;

		private ReadsWithoutTransaction(TransactionOperations transactions) {
			this.transactions = transactions;
		}

		@Override
		public <T> @Nullable T execute(TransactionCallback<T> action) {
			RequestState state = CURRENT.get();
			return (state != null && state.reading) ? TransactionOperations.withoutTransaction().execute(action)
					: this.transactions.execute(action);
		}

	}

	private static final class RequestState {

		private final Map<String, Session> read = new HashMap<>();

		/** The time of access as stored, of each session read or saved. */
		private final Map<Session, Instant> storedAccess = new IdentityHashMap<>();

		private boolean changed;

		private boolean reading;

		void read(Session session) {
			this.read.put(session.getId(), session);
			this.storedAccess.put(session, session.getLastAccessedTime());
		}

		void saved(Session session) {
			// A changed session id (sign-in) no longer finds the session.
			this.read.values().removeIf((known) -> known == session);
			read(session);
			this.changed = false;
		}

		boolean unchangedButForAccess(Session session) {
			Instant stored = this.storedAccess.get(session);
			return stored != null && !this.changed && this.read.get(session.getId()) == session
					&& session.getLastAccessedTime().isBefore(stored.plus(ACCESS_PRECISION));
		}

	}

	private static final class ChangeNoticingRequest extends HttpServletRequestWrapper {

		private final RequestState state;

		private @Nullable ChangeNoticingSession session;

		ChangeNoticingRequest(HttpServletRequest request, RequestState state) {
			super(request);
			this.state = state;
		}

		@Override
		public @Nullable HttpSession getSession(boolean create) {
			HttpSession session = super.getSession(create);
			if (session == null) {
				return null;
			}
			if (this.session == null || this.session.delegate != session) {
				this.session = new ChangeNoticingSession(session, this.state);
			}
			return this.session;
		}

		@Override
		public HttpSession getSession() {
			HttpSession session = getSession(true);
			assert session != null;
			return session;
		}

	}

	private static final class ChangeNoticingSession implements HttpSession {

		private final HttpSession delegate;

		private final RequestState state;

		ChangeNoticingSession(HttpSession delegate, RequestState state) {
			this.delegate = delegate;
			this.state = state;
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.state.changed = true;
			this.delegate.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.state.changed = true;
			this.delegate.removeAttribute(name);
		}

		@Override
		public void setMaxInactiveInterval(int interval) {
			this.state.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public void invalidate() {
			this.state.changed = true;
			this.delegate.invalidate();
		}

		@Override
		public long getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public long getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public ServletContext getServletContext() {
			return this.delegate.getServletContext();
		}

		@Override
		public int getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.delegate.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public boolean isNew() {
			return this.delegate.isNew();
		}

		@Override
		public Accessor getAccessor() {
			return this.delegate.getAccessor();
		}

	}

}
