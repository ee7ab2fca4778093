package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.ClassUtils;

/**
 * Spares the session store the round trips that change nothing, for the request's own
 * session: the one Spring Session's filter looks up or creates for the request.
 * <ul>
 * <li>The filter reads that session a second time after it has saved it
 * (spring-session#1731); that lookup is answered with the session the request has.</li>
 * <li>The filter writes that session back at the end of every request, if only to store
 * the time of access. Unless the request changed it, it is written only when its stored
 * time of access is {@link #ACCESS_PRECISION} old; sessions therefore last up to that
 * much less than their timeout after the last request.</li>
 * <li>The filter's read of that session is one statement and runs without a transaction
 * ({@link ReadsWithoutTransaction}).</li>
 * </ul>
 * Everything else given to the repository within a request (another session read,
 * changed, saved or deleted, or the request's own session read by its id) goes to the
 * store as it would without this class. Only the filter holds the request's session
 * object, so a save of that object is the filter's own.
 * <p>
 * {@link #scope()} marks the request and must run around Spring Session's filter;
 * {@link #lookups()} must run just inside it, where it tells the filter's lookups from
 * everyone else's and notices what the request changes in its session
 * ({@link OwnSessionRequest}).
 */
final class SessionRoundTrips implements MethodInterceptor {

	static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);

	private static final Method CREATE_SESSION = sessionRepositoryMethod("createSession");

	private static final Method FIND_BY_ID = sessionRepositoryMethod("findById", String.class);

	private static final Method SAVE = sessionRepositoryMethod("save", Session.class);

	private static final Method DELETE_BY_ID = sessionRepositoryMethod("deleteById", String.class);

	private static final ThreadLocal<@Nullable OwnSession> CURRENT = new ThreadLocal<>();

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

	/** Holds what a request did with its session, around Spring Session's filter. */
	static Filter scope() {
		return SessionRoundTrips::withinRequest;
	}

	/**
	 * Just inside Spring Session's filter: marks the filter's lookups of the request's
	 * session and notes each change the request makes to it. What follows the request,
	 * until {@link #scope()} sees it end, is the filter saving the session.
	 */
	static Filter lookups() {
		return (request, response, chain) -> {
			OwnSession own = CURRENT.get();
			if (own == null || !(request instanceof HttpServletRequest http)) {
				chain.doFilter(request, response);
				return;
			}
			try {
				chain.doFilter(new OwnSessionRequest(http, own), response);
			}
			finally {
				own.committing();
			}
		};
	}

	private static void withinRequest(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (CURRENT.get() != null) {
			chain.doFilter(request, response);
			return;
		}
		CURRENT.set(new OwnSession());
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
		}
	}

	/**
	 * The session store's transactions, but none for the filter's read of the request's
	 * session (and the removal of the session if it has expired, a single statement too).
	 */
	static TransactionOperations readsWithoutTransaction(TransactionOperations transactions) {
		return new ReadsWithoutTransaction(transactions);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		OwnSession own = CURRENT.get();
		if (own == null) {
			return invocation.proceed();
		}
		Method method = invocation.getMethod();
		Object[] arguments = invocation.getArguments();
		if (method.equals(FIND_BY_ID) && own.filterLooksUp()) {
			return lookUp(own, (String) arguments[0], invocation);
		}
		if (method.equals(CREATE_SESSION) && own.isLookingUp()) {
			Session created = (Session) invocation.proceed();
			own.created(created);
			return created;
		}
		if (method.equals(SAVE) && own.holds(arguments[0])) {
			if (own.unchangedButForAccess()) {
				return null;
			}
			Object result = invocation.proceed();
			own.stored();
			return result;
		}
		if (method.equals(DELETE_BY_ID) && own.hasId((String) arguments[0])) {
			own.deleted();
		}
		return invocation.proceed();
	}

	private static @Nullable Object lookUp(OwnSession own, String id, MethodInvocation read) throws Throwable {
		Session known = own.session();
		if (known != null && own.hasId(id)) {
			return known;
		}
		Object found;
		own.reading(true);
		try {
			found = read.proceed();
		}
		finally {
			own.reading(false);
		}
		if (own.isLookingUp() && found instanceof Session session) {
			own.found(session);
		}
		return found;
	}

	private static Method sessionRepositoryMethod(String name, Class<?>... parameterTypes) {
		return ClassUtils.getMethod(SessionRepository.class, name, parameterTypes);
	}

	static final class ReadsWithoutTransaction implements TransactionOperations {

		private final TransactionOperations transactions;

		private ReadsWithoutTransaction(TransactionOperations transactions) {
			this.transactions = transactions;
		}

		@Override
		public <T> @Nullable T execute(TransactionCallback<T> action) {
			OwnSession own = CURRENT.get();
			return (own != null && own.isReading()) ? TransactionOperations.withoutTransaction().execute(action)
					: this.transactions.execute(action);
		}

	}

}
