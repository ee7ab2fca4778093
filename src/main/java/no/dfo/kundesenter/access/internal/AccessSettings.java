package no.dfo.kundesenter.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param centreOrgNumber the organization number of the centre itself: caseworker and
 * administrator roles exist only there, agency roles only elsewhere
 * @param sessionLifetime how long a session lasts at most, however active it is; the idle
 * timeout is {@code spring.session.timeout}
 * @param spareSessionRoundTrips whether a request's session is written back only when the
 * request changed it or its stored time of access is a minute old (decision 54); read by
 * {@link SessionRoundTripsConfiguration}'s condition
 */
@ConfigurationProperties("portal.access")
record AccessSettings(@DefaultValue("974000008") String centreOrgNumber, @DefaultValue("12h") Duration sessionLifetime,
		@DefaultValue("true") boolean spareSessionRoundTrips) {
}
