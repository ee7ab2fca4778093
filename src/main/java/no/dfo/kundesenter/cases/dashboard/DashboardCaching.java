package no.dfo.kundesenter.cases.dashboard;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction for the dashboard, with Caffeine (the settings are
 * {@code spring.cache.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class DashboardCaching {

}
