package no.dfo.kundesenter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One test context with rate limits low enough to reach in a test. Its buckets live in
 * the database every other context uses, so its tests use only keys of their own: new
 * people, new user names and addresses no other test signs in from.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "portal.rate-limits.sign-in.failures-per-name=" + LowRateLimits.FAILURES_PER_NAME,
		"portal.rate-limits.sign-in.failures-per-address=" + LowRateLimits.FAILURES_PER_ADDRESS,
		"portal.rate-limits.case-registrations.count=" + LowRateLimits.CASE_REGISTRATIONS,
		"portal.rate-limits.uploads.files=" + LowRateLimits.UPLOADED_FILES,
		"portal.rate-limits.uploads.bytes=" + LowRateLimits.UPLOADED_KILOBYTES + "KB" })
@AutoConfigureMockMvc
public @interface LowRateLimits {

	/** Per user name, within 15 minutes. */
	int FAILURES_PER_NAME = 3;

	/** Per address, within 15 minutes. */
	int FAILURES_PER_ADDRESS = 5;

	/** Per person, within an hour. */
	int CASE_REGISTRATIONS = 2;

	/** Per person, within an hour. */
	int UPLOADED_FILES = 3;

	/** Per person, within an hour. */
	int UPLOADED_KILOBYTES = 64;

}
