package no.dfo.kundesenter.access.internal;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;

@Configuration(proxyBeanMethods = false)
class SecurityEventConfiguration {

	/**
	 * Spring Security's publisher, but with an event for every failed sign-in: its own
	 * mappings know exception classes by exact name, so a sign-in refused for its limit
	 * (a subclass) or by single sign-on would otherwise pass unrecorded.
	 */
	@Bean
	DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		var events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(
				Map.of(SignInLimitedException.class, AuthenticationFailureLockedEvent.class));
		events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

}
