package no.dfo.kundesenter.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param centreOrgNumber the organization number of the centre itself: caseworker and
 * administrator roles exist only there, agency roles only elsewhere
 */
@ConfigurationProperties("portal.access")
record AccessSettings(@DefaultValue("974000008") String centreOrgNumber) {
}
