package no.dfo.kundesenter.access.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Sessions live in PostgreSQL (Spring Session JDBC), shared by every instance. */
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
	static BeanPostProcessor sessionRoundTrips() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? SessionRoundTrips.proxy(sessions)
						: bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<Filter> sessionRoundTripScope() {
		return aroundSpringSession(SessionRoundTrips.scope(), SessionRepositoryFilter.DEFAULT_ORDER - 1);
	}

	@Bean
	FilterRegistrationBean<Filter> sessionChanges() {
		return aroundSpringSession(SessionRoundTrips.changes(), SessionRepositoryFilter.DEFAULT_ORDER + 1);
	}

	private static FilterRegistrationBean<Filter> aroundSpringSession(Filter filter, int order) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

}
