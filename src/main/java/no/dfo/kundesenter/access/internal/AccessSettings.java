package no.dfo.kundesenter.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param centreOrgNumber the organization number of the centre itself: caseworker and
 * administrator roles exist only there, agency roles only elsewhere
 * @param sessionLifetime how long a session lasts at most, however active it is; the idle
 * timeout is {@code spring.session.timeout}
 */
@ConfigurationProperties("portal.access")
record AccessSettings(@DefaultValue("974000008") String centreOrgNumber,
		@DefaultValue("12h") Duration sessionLifetime) {
}
