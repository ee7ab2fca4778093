package no.dfo.kundesenter.access.internal;

import java.util.Map;

import javax.sql.DataSource;

import no.dfo.kundesenter.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's filter is given the sparing repository, on Boot's JDBC sessions as
 * they come, and one property turns it all off.
 */
class SessionRoundTripsConfigurationTests {

	private static final DataSource DATABASE = sharedDatabase();

	private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JdbcSessionAutoConfiguration.class, SessionAutoConfiguration.class,
				TransactionAutoConfiguration.class, SessionRoundTripsConfiguration.class))
		.withBean(DataSource.class, () -> DATABASE)
		.withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(DATABASE))
		.withPropertyValues("spring.session.jdbc.initialize-schema=never");

	private static DataSource sharedDatabase() {
		Map<String, Object> properties = TestDatabases.shared();
		return new DriverManagerDataSource((String) properties.get("spring.datasource.url"),
				(String) properties.get("spring.datasource.username"),
				(String) properties.get("spring.datasource.password"));
	}

	@Test
	void springSessionsFilterUsesTheSparingRepositoryAroundBootsOwn() {
		this.contexts.run((context) -> {
			JdbcIndexedSessionRepository store = context.getBean(JdbcIndexedSessionRepository.class);
			Object filtersRepository = ReflectionTestUtils.getField(context.getBean(SessionRepositoryFilter.class),
					"sessionRepository");
			assertThat(filtersRepository).isSameAs(context.getBean(SessionRepository.class)).isNotSameAs(store);
			assertThat(AopUtils.isAopProxy(filtersRepository)).isTrue();
			assertThat(ReflectionTestUtils.getField(store, "transactionOperations"))
				.isInstanceOf(SessionRoundTrips.ReadsWithoutTransaction.class);
			assertThat(context).hasBean("sessionRoundTripScope").hasBean("sessionLookups");
		});
	}

	@Test
	void theTransactionHookIsSpringSessionsAlone() {
		this.contexts.run((context) -> assertThat(context.getBeanProvider(TransactionOperations.class).getIfUnique())
			.isSameAs(context.getBean("transactionTemplate")));
	}

	@Test
	void offLeavesSpringSessionAsItComes() {
		this.contexts.withPropertyValues("portal.access.spare-session-round-trips=false").run((context) -> {
			JdbcIndexedSessionRepository store = context.getBean(JdbcIndexedSessionRepository.class);
			assertThat(
					ReflectionTestUtils.getField(context.getBean(SessionRepositoryFilter.class), "sessionRepository"))
				.isSameAs(store);
			assertThat(ReflectionTestUtils.getField(store, "transactionOperations"))
				.isInstanceOf(TransactionTemplate.class);
			assertThat(context).doesNotHaveBean("sessionRoundTripScope").doesNotHaveBean("sessionLookups");
		});
	}

}
