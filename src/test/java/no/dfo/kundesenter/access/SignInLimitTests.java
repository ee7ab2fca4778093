package no.dfo.kundesenter.access;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import no.dfo.kundesenter.LowRateLimits;
import no.dfo.kundesenter.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed sign-ins are limited per user name and per address, and a refused attempt never
 * reaches the password check. Every test signs in from addresses of its own.
 */
@LowRateLimits
class SignInLimitTests {

	private static final String PASSWORD = "riktig passord";

	@RegisterExtension
	SecurityLogCapture log = new SecurityLogCapture();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	private String personWithPassword() {
		var people = new TestPeople(this.jdbc);
		String username = people.person("innlogging", people.existing("910000004").id(), Role.REPORTER);
		this.jdbc.update("update app_user set password_hash = ? where username = ?", this.passwords.encode(PASSWORD),
				username);
		return username;
	}

	private static String freshAddress() {
		var random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions signIn(String username, String password, String address, MockHttpSession session)
			throws Exception {
		return this.mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.session(session)
			.with(csrf())
			.with(from(address)));
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return signIn(username, password, address, new MockHttpSession());
	}

	@Test
	void onceAUserNameHasUsedUpItsFailuresEvenTheRightPasswordIsRefusedWith429AndNoSession() throws Exception {
		String username = personWithPassword();
		String address = freshAddress();
		MockHttpSession session = new MockHttpSession();
		for (int i = 0; i < LowRateLimits.FAILURES_PER_NAME; i++) {
			signIn(username, "feil", address, session).andExpect(redirectedUrl("/login?error"));
		}

		signIn(username, PASSWORD, address, session).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
			.andExpect(forwardedUrl("/login/sperret"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/saker").session(session)).andExpect(redirectedUrl("/login"));
		// The name is refused from any address.
		signIn(username, PASSWORD, freshAddress()).andExpect(status().isTooManyRequests());
	}

	@Test
	void anotherUserNameFromAnAddressThatUsedUpItsFailuresIsRefusedToo() throws Exception {
		String address = freshAddress();
		for (int i = 0; i < LowRateLimits.FAILURES_PER_ADDRESS; i++) {
			signIn("ukjent-" + ThreadLocalRandom.current().nextInt(1_000_000), "feil", address)
				.andExpect(redirectedUrl("/login?error"));
		}
		String username = personWithPassword();

		signIn(username, PASSWORD, address).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(unauthenticated());
		// Refused for its address, the attempt cost the name nothing.
		signIn(username, PASSWORD, freshAddress()).andExpect(authenticated().withUsername(username));
	}

	@Test
	void aSuccessfulSignInForgetsTheFailuresOfItsNameAndCostsItsAddressNothing() throws Exception {
		String username = personWithPassword();
		String address = freshAddress();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < LowRateLimits.FAILURES_PER_NAME - 1; i++) {
				signIn(username, "feil", address).andExpect(redirectedUrl("/login?error"));
			}
			signIn(username, PASSWORD, address).andExpect(authenticated().withUsername(username));
		}
		// Four failures leave the address one; sign-ins that succeed never use it.
		for (int i = 0; i < LowRateLimits.FAILURES_PER_ADDRESS + 1; i++) {
			signIn(username, PASSWORD, address).andExpect(authenticated().withUsername(username));
		}
	}

	@Test
	void theBucketsOfASignInNameNeitherTheUserNameNorTheAddress() throws Exception {
		String username = "Hemmelig.Navn-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String address = freshAddress();
		int namesBefore = bucketsLike("sign-in-name:%");

		signIn(username, "feil", address).andExpect(redirectedUrl("/login?error"));

		assertThat(bucketsLike("sign-in-name:%")).isEqualTo(namesBefore + 1);
		assertThat(bucketsLike("%" + username.toLowerCase() + "%")).isZero();
		assertThat(bucketsLike("%" + username + "%")).isZero();
		assertThat(bucketsLike("%" + address + "%")).isZero();
	}

	@Test
	void everyAttemptRefusedForItsLimitIsLoggedAsRateLimitedWithThePersonButNotTheAddress() throws Exception {
		String username = personWithPassword();
		String address = freshAddress();
		for (int i = 0; i < LowRateLimits.FAILURES_PER_NAME; i++) {
			signIn(username, "feil", address);
		}

		signIn(username, PASSWORD, address).andExpect(status().isTooManyRequests());
		signIn(username, PASSWORD, address).andExpect(status().isTooManyRequests());

		long personId = new TestPeople(this.jdbc).id(username);
		var failures = this.log.events("signin.failure");
		assertThat(failures).hasSize(LowRateLimits.FAILURES_PER_NAME + 2);
		assertThat(failures.subList(0, LowRateLimits.FAILURES_PER_NAME)).allSatisfy((failure) -> SecurityLogCapture
			.assertPairs(failure, Map.of("event.reason", "bad_credentials", "user.id", personId)));
		assertThat(failures.subList(LowRateLimits.FAILURES_PER_NAME, failures.size()))
			.allSatisfy((failure) -> SecurityLogCapture.assertPairs(failure,
					Map.of("event.reason", "rate_limited", "user.id", personId)));
		assertThat(this.log.text()).doesNotContain(address).doesNotContain(username).doesNotContain(PASSWORD);
	}

	private int bucketsLike(String pattern) {
		return this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id like ?", Integer.class,
				pattern);
	}

}
