package no.dfo.kundesenter.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoLogin whether people sign in with user name and password (demo profile only)
 */
@ConfigurationProperties("portal.security")
record SecuritySettings(@DefaultValue("false") boolean demoLogin) {
}
