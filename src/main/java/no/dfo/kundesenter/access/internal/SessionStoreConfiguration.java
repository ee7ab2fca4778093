package no.dfo.kundesenter.access.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
	static BeanPostProcessor sessionRoundTrips(ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					// Spring Session's own choice, but for the reads (SessionRoundTrips).
					TransactionTemplate transactions = new TransactionTemplate(transactionManager.getObject());
					transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
					configuration.setTransactionOperations(SessionRoundTrips.readsWithoutTransaction(transactions));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? SessionRoundTrips.proxy(sessions)
						: bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<Filter> malformedSessionCookies(Environment environment) {
		String cookieName = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
		return aroundSpringSession(new MalformedSessionCookies(cookieName), SessionRepositoryFilter.DEFAULT_ORDER - 2);
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
