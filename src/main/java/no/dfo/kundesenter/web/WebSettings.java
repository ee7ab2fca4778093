package no.dfo.kundesenter.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the time zone every page and e-mail shows times in
 * @param recordPaths how templates read values ({@link TemplateConfiguration})
 */
@ConfigurationProperties("portal.web")
record WebSettings(@DefaultValue("Europe/Oslo") ZoneId timeZone, @DefaultValue RecordPaths recordPaths) {

	/**
	 * @param enabled whether templates read plain paths on the portal's records without
	 * SpEL ({@link RecordPathEvaluator}); off, as it no longer pays (decision 0057)
	 */
	record RecordPaths(@DefaultValue("false") boolean enabled) {
	}

}
