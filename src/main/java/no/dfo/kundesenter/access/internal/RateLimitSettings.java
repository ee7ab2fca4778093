package no.dfo.kundesenter.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much may happen within a period before the portal answers 429. Each limit refills
 * evenly over its period (decision 61).
 *
 * @param signIn failed sign-ins per user name and per address
 * @param caseRegistrations cases one person registers in the portal
 * @param uploads files and bytes one person uploads
 */
@ConfigurationProperties("portal.rate-limits")
record RateLimitSettings(@DefaultValue SignIn signIn, @DefaultValue CaseRegistrations caseRegistrations,
		@DefaultValue Uploads uploads) {

	record SignIn(@DefaultValue("10") int failuresPerName, @DefaultValue("50") int failuresPerAddress,
			@DefaultValue("15m") Duration period) {
	}

	record CaseRegistrations(@DefaultValue("20") int count, @DefaultValue("1h") Duration period) {
	}

	record Uploads(@DefaultValue("100") int files, @DefaultValue("500MB") DataSize bytes,
			@DefaultValue("1h") Duration period) {
	}

}
