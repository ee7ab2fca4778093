package no.dfo.kundesenter.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the time zone every page and e-mail shows times in
 */
@ConfigurationProperties("portal.web")
record WebSettings(@DefaultValue("Europe/Oslo") ZoneId timeZone) {
}
