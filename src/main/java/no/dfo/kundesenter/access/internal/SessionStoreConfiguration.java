package no.dfo.kundesenter.access.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), shared by every instance. What
 * spares them needless round trips is in {@link SessionRoundTripsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Session attributes are written with an upsert: two requests of one session that
	 * both store a new attribute (a browser's parallel requests after login) would
	 * otherwise fail on the second insert.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	FilterRegistrationBean<Filter> malformedSessionCookies(Environment environment) {
		String cookieName = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
		return aroundSpringSession(new MalformedSessionCookies(cookieName), SessionRepositoryFilter.DEFAULT_ORDER - 2);
	}

	static FilterRegistrationBean<Filter> aroundSpringSession(Filter filter, int order) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

}
