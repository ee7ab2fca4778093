package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Spring Session's filter reads the session from the database a second time after it has
 * saved it at the end of a request (spring-session#1731): three statements per page for a
 * session it already holds. Within one request, a repeated lookup of a session id is
 * answered with the session that the first lookup returned. {@link #scope()} marks the
 * request and must run around Spring Session's filter.
 */
final class SessionReadOncePerRequest implements MethodInterceptor {

	private static final ThreadLocal<@Nullable Map<String, Session>> READ = new ThreadLocal<>();

	private SessionReadOncePerRequest() {
	}

	/**
	 * The repository as a proxy of its own class, so that anything that needs the
	 * concrete type still gets it.
	 */
	@SuppressWarnings("unchecked")
	static <R extends SessionRepository<?>> R proxy(R repository) {
		ProxyFactory proxy = new ProxyFactory(repository);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new SessionReadOncePerRequest());
		return (R) proxy.getProxy(repository.getClass().getClassLoader());
	}

	/** Holds the sessions read during the request it filters. */
	static Filter scope() {
		return SessionReadOncePerRequest::withinRequest;
	}

	private static void withinRequest(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (READ.get() != null) {
			chain.doFilter(request, response);
			return;
		}
		READ.set(new HashMap<>());
		try {
			chain.doFilter(request, response);
		}
		finally {
			READ.remove();
		}
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Map<String, Session> read = READ.get();
		if (read == null) {
			return invocation.proceed();
		}
		Object[] arguments = invocation.getArguments();
		switch (invocation.getMethod().getName()) {
			case "findById" -> {
				if (read.get((String) arguments[0]) instanceof Session known) {
					return known;
				}
				Object found = invocation.proceed();
				if (found instanceof Session session) {
					read.put(session.getId(), session);
				}
				return found;
			}
			case "save" -> {
				Object result = invocation.proceed();
				Session saved = (Session) arguments[0];
				// A changed session id (sign-in) no longer finds the session.
				read.values().removeIf((session) -> session == saved);
				read.put(saved.getId(), saved);
				return result;
			}
			case "deleteById" -> {
				read.remove((String) arguments[0]);
				return invocation.proceed();
			}
			default -> {
				return invocation.proceed();
			}
		}
	}

}
