package no.dfo.kundesenter.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much may happen within a period before the portal answers 429, or, for case ids not
 * found, logs a warning. Each limit refills evenly over its period (decision 61).
 *
 * @param signIn failed sign-ins per user name and per address
 * @param caseRegistrations cases one person registers in the portal
 * @param uploads files and bytes one person uploads
 * @param api requests one agency's systems make to the API
 * @param casesNotFound case ids one person asks for and gets 404 on before the security
 * event log warns of enumeration (decision 62); nothing is refused
 */
@ConfigurationProperties("portal.rate-limits")
record RateLimitSettings(@DefaultValue SignIn signIn, @DefaultValue CaseRegistrations caseRegistrations,
		@DefaultValue Uploads uploads, @DefaultValue CasesNotFound casesNotFound, @DefaultValue Api api) {

	record Api(@DefaultValue("600") int requests, @DefaultValue("1m") Duration period) {
	}

	record SignIn(@DefaultValue("10") int failuresPerName, @DefaultValue("50") int failuresPerAddress,
			@DefaultValue("15m") Duration period) {
	}

	record CaseRegistrations(@DefaultValue("20") int count, @DefaultValue("1h") Duration period) {
	}

	record CasesNotFound(@DefaultValue("20") int count, @DefaultValue("10m") Duration period) {
	}

	record Uploads(@DefaultValue("100") int files, @DefaultValue("500MB") DataSize bytes,
			@DefaultValue("1h") Duration period) {
	}

}
