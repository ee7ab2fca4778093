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
	static BeanPostProcessor sessionReadOncePerRequest() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions)
						? SessionReadOncePerRequest.proxy(sessions) : bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<Filter> sessionReadScope() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(SessionReadOncePerRequest.scope());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

}
