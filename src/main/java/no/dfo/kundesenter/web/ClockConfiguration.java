package no.dfo.kundesenter.web;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the portal: every module takes the time from it, and its zone is the
 * one times are shown in ({@code portal.web.time-zone}). Times are stored as instants.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class ClockConfiguration {

	@Bean
	Clock clock(WebSettings settings) {
		return Clock.system(settings.timeZone());
	}

}
