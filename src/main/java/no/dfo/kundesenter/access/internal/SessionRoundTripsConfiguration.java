package no.dfo.kundesenter.access.internal;

import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static no.dfo.kundesenter.access.internal.SessionStoreConfiguration.aroundSpringSession;

/**
 * {@link SessionRoundTrips} on Spring Boot's JDBC sessions (decision 54); off with
 * {@code portal.access.spare-session-round-trips=false}, which leaves Spring Session as
 * it comes.
 * <p>
 * The repository that Spring Session's filter (and anyone else) is given is a primary
 * bean wrapping Boot's. It is an auto-configuration, after Boot's, because Boot's JDBC
 * session configuration stands back as soon as the application declares any session
 * repository itself.
 */
@AutoConfiguration(after = JdbcSessionAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "portal.access.spare-session-round-trips", matchIfMissing = true)
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
class SessionRoundTripsConfiguration {

	/**
	 * Spring Session's hook for the session store's transactions: its own choice (a new
	 * transaction for each operation) but for the filter's read of the request's session.
	 * Spring Session finds it by name; it is no candidate for anyone else, so Boot's own
	 * {@code TransactionTemplate} stays.
	 */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return SessionRoundTrips.readsWithoutTransaction(transactions);
	}

	@Bean
	@Primary
	FindByIndexNameSessionRepository<?> sessionRoundTrips(JdbcIndexedSessionRepository sessions) {
		return (FindByIndexNameSessionRepository<?>) SessionRoundTrips.proxy(sessions);
	}

	@Bean
	FilterRegistrationBean<Filter> sessionRoundTripScope() {
		return aroundSpringSession(SessionRoundTrips.scope(), SessionRepositoryFilter.DEFAULT_ORDER - 1);
	}

	@Bean
	FilterRegistrationBean<Filter> sessionLookups() {
		return aroundSpringSession(SessionRoundTrips.lookups(), SessionRepositoryFilter.DEFAULT_ORDER + 1);
	}

}
