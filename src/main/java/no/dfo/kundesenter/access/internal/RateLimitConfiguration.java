package no.dfo.kundesenter.access.internal;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimitBuckets rateLimitBuckets(JdbcConnectionDetails database) {
		return new RateLimitBuckets(database);
	}

}
