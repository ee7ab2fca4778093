package no.dfo.kundesenter.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the time zone every page and e-mail shows times in
 * @param recordPaths how templates read values ({@link TemplateConfiguration})
 * @param accessibility what the accessibility statement says of its last check and where
 * feedback goes
 * @param shutdownDelay on SIGTERM, how long the node goes on taking requests after its
 * readiness turned down, before it stops listening ({@link ShutdownDelay})
 */
@ConfigurationProperties("portal.web")
record WebSettings(@DefaultValue("Europe/Oslo") ZoneId timeZone, @DefaultValue RecordPaths recordPaths,
		@DefaultValue Accessibility accessibility, @DefaultValue("0s") Duration shutdownDelay) {

	/**
	 * @param enabled whether templates read plain paths on the portal's records without
	 * SpEL ({@link RecordPathEvaluator}); off, as it no longer pays (decision 0057)
	 */
	record RecordPaths(@DefaultValue("false") boolean enabled) {
	}

	/**
	 * @param checkedOn when the portal was last checked against the requirements as a
	 * whole, by hand as well as by the browser suite
	 * @param statementOn when the statement was last written
	 * @param feedbackEmail where people report what they cannot use
	 */
	record Accessibility(@DefaultValue("2026-12-01") LocalDate checkedOn,
			@DefaultValue("2026-12-01") LocalDate statementOn,
			@DefaultValue("uu@kundesenter.example") String feedbackEmail) {
	}

}
