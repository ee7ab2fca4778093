package no.dfo.kundesenter.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import jakarta.servlet.http.Cookie;
import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.internal.AccessRequests;
import no.dfo.kundesenter.access.internal.PortalUserDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static no.dfo.kundesenter.access.SecurityLogCapture.assertPairs;
import static no.dfo.kundesenter.access.SecurityLogCapture.pairs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each kind of security event reaches the security log with its ids, and nothing that
 * names someone, opens a session or tells of a case: no password, no typed user name, no
 * client address, no session id or cookie, no case subject.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventLogTests {

	private static final String PASSWORD = "Sommer2025!hemmelig";

	private static final List<String> CLIENT_ADDRESSES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

	@RegisterExtension
	SecurityLogCapture log = new SecurityLogCapture();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccessRequests accessRequests;

	@Autowired
	TransactionTemplate transactions;

	private TestPeople people() {
		return new TestPeople(this.jdbc);
	}

	private String personWithPassword(Role... roles) {
		var people = people();
		String username = people.person("logg", people.existing("910000004").id(), roles);
		this.jdbc.update("update app_user set password_hash = ? where username = ?", this.passwords.encode(PASSWORD),
				username);
		return username;
	}

	private long id(String username) {
		return people().id(username);
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private PortalUser portalUser(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser();
	}

	private MockHttpServletResponse signIn(String username, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
	}

	private Cookie signedInSession(String username) throws Exception {
		Cookie session = signIn(username, PASSWORD).getCookie("SESSION");
		assertThat(session).as("session cookie of " + username).isNotNull();
		return session;
	}

	private static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private void assertNothingSensitive(String... more) {
		String text = this.log.text();
		assertThat(text).isNotEmpty().doesNotContain(PASSWORD);
		CLIENT_ADDRESSES.forEach((address) -> assertThat(text).doesNotContain(address));
		for (String value : more) {
			assertThat(text).doesNotContain(value);
		}
	}

	@Test
	void signingInIsLoggedWithThePersonIdAndAHashOfTheNewSessionOnly() throws Exception {
		String username = personWithPassword(Role.REPORTER);

		Cookie session = signedInSession(username);

		ILoggingEvent event = this.log.single("signin.success");
		assertThat(event.getLevel()).isEqualTo(Level.INFO);
		assertThat(event.getLoggerName()).isEqualTo("security");
		assertPairs(event, Map.of("event.outcome", "success", "user.id", id(username), "http.request.method", "POST",
				"url.path", "/login"));
		assertThat((String) pairs(event).get("session.hash")).matches("[A-Za-z0-9_-]{12}");
		assertNothingSensitive(username, session.getValue(), sessionId(session));
	}

	@Test
	void aWrongPasswordIsLoggedWithThePersonIdAsBadCredentials() throws Exception {
		String username = personWithPassword(Role.REPORTER);

		signIn(username, PASSWORD + "x");

		assertPairs(this.log.single("signin.failure"),
				Map.of("event.outcome", "failure", "event.reason", "bad_credentials", "user.id", id(username)));
		assertNothingSensitive(username, PASSWORD + "x");
	}

	@Test
	void aFailedSignInForAnUnknownNameLogsAKeyedHashButNeverTheNameOrThePassword(CapturedOutput output)
			throws Exception {
		String unknown = "Ukjent.Person-" + ThreadLocalRandom.current().nextInt(1_000_000);
		String nationalId = "0101" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));

		signIn(unknown, PASSWORD);
		signIn(unknown, PASSWORD);
		signIn(nationalId, PASSWORD);

		List<ILoggingEvent> failures = this.log.events("signin.failure");
		assertThat(failures).hasSize(3);
		failures.forEach((failure) -> {
			assertPairs(failure, Map.of("event.reason", "bad_credentials"));
			assertThat(pairs(failure)).doesNotContainKey("user.id");
		});
		Object hash = pairs(failures.get(0)).get("user.hash");
		assertThat((String) hash).matches("[A-Za-z0-9_-]{12}");
		assertThat(pairs(failures.get(1))).containsEntry("user.hash", hash);
		assertThat(pairs(failures.get(2)).get("user.hash")).isNotNull().isNotEqualTo(hash);
		assertNothingSensitive(unknown, unknown.toLowerCase(), nationalId);
		assertThat(output.getAll()).contains("signin.failure")
			.doesNotContain(unknown)
			.doesNotContain(nationalId)
			.doesNotContain(PASSWORD);
	}

	@Test
	void aDisabledPersonsSignInIsLoggedAsDisabled() throws Exception {
		String username = personWithPassword(Role.REPORTER);
		this.jdbc.update("update app_user set enabled = false where username = ?", username);

		signIn(username, PASSWORD);

		assertPairs(this.log.single("signin.failure"), Map.of("event.reason", "disabled", "user.id", id(username)));
		assertNothingSensitive(username);
	}

	@Test
	void signingOutIsLoggedWithThePersonAndTheHashOfTheSessionThatEnded() throws Exception {
		String username = personWithPassword(Role.REPORTER);
		Cookie session = signedInSession(username);

		this.mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		ILoggingEvent signout = this.log.single("signout");
		assertPairs(signout, Map.of("event.outcome", "success", "user.id", id(username), "url.path", "/logout"));
		assertThat(pairs(signout).get("session.hash")).isNotNull()
			.isEqualTo(pairs(this.log.single("signin.success")).get("session.hash"));
		assertNothingSensitive(username, session.getValue(), sessionId(session));
	}

	@Test
	void aSessionEndedByThirtyIdleMinutesIsLoggedAsIdle() throws Exception {
		String username = personWithPassword(Role.REPORTER);
		Cookie session = signedInSession(username);
		this.jdbc.update("""
				update spring_session set last_access_time = last_access_time - 31 * 60 * 1000,
				    expiry_time = expiry_time - 31 * 60 * 1000 where session_id = ?""", sessionId(session));

		this.mvc.perform(get("/saker").cookie(session)).andExpect(redirectedUrl("/login?utlopt"));

		ILoggingEvent timeout = this.log.single("session.timeout");
		assertPairs(timeout, Map.of("event.reason", "idle", "http.request.method", "GET", "url.path", "/saker"));
		assertThat(pairs(timeout).get("session.hash")).isNotNull()
			.isEqualTo(pairs(this.log.single("signin.success")).get("session.hash"));
		assertNothingSensitive(session.getValue(), sessionId(session));
	}

	@Test
	void aSessionPastItsTwelveHourLifetimeIsLoggedAsLifetimeWithThePerson() throws Exception {
		String username = personWithPassword(Role.REPORTER);
		Cookie session = signedInSession(username);
		this.jdbc.update(
				"update spring_session set creation_time = creation_time - 13 * 3600 * 1000 " + "where session_id = ?",
				sessionId(session));

		this.mvc.perform(get("/saker").cookie(session)).andExpect(redirectedUrl("/login?utlopt"));

		assertPairs(this.log.single("session.timeout"), Map.of("event.reason", "lifetime", "user.id", id(username)));
		assertNothingSensitive(username, session.getValue(), sessionId(session));
	}

	@Test
	void aFormWithoutTheSessionsCsrfTokenIsRefusedWith403AndLoggedWithItsReason() throws Exception {
		long caseId = this.jdbc.queryForObject("select min(id) from support_case", Long.class);

		this.mvc.perform(post("/saker/" + caseId + "/meldinger").param("body", "Hemmelig melding").with(as("kari")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/saker/" + caseId + "/meldinger").param("body", "Hemmelig melding")
				.with(as("kari"))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());

		List<ILoggingEvent> refusals = this.log.events("csrf.refused");
		assertThat(refusals).hasSize(2);
		assertPairs(refusals.get(0), Map.of("event.reason", "no_stored_token", "user.id", id("kari"),
				"http.request.method", "POST", "url.path", "/saker/" + caseId + "/meldinger"));
		assertPairs(refusals.get(1), Map.of("event.reason", "token_mismatch", "user.id", id("kari")));
		assertNothingSensitive("Hemmelig melding");
	}

	@Test
	void aNonAdministratorOnAnAdministratorsPageIsLoggedButAnAnonymousVisitorIsNot() throws Exception {
		this.mvc.perform(get("/admin/tilganger")).andExpect(redirectedUrl("/login"));
		assertThat(this.log.events("access.refused")).isEmpty();

		this.mvc.perform(get("/admin/tilganger").with(as("kari"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/env").with(as("admin"))).andExpect(status().isForbidden());

		List<ILoggingEvent> refusals = this.log.events("access.refused");
		assertThat(refusals).hasSize(2);
		assertPairs(refusals.get(0), Map.of("event.outcome", "failure", "event.reason", "role_required", "user.id",
				id("kari"), "http.request.method", "GET", "url.path", "/admin/tilganger"));
		assertPairs(refusals.get(1), Map.of("event.reason", "denied", "user.id", id("admin")));
		assertNothingSensitive();
	}

	@Test
	void twentyOneCaseIdsAPersonMayNotSeeGiveADebugEventEachAndOneEnumerationWarning() throws Exception {
		var people = people();
		String prober = people.person("gjetter", people.existing("910000004").id(), Role.REPORTER);
		List<Long> others = this.jdbc.queryForList("select id from support_case order by id limit 22", Long.class);
		RequestPostProcessor signedIn = as(prober);

		for (long caseId : others.subList(0, 21)) {
			this.mvc.perform(get("/saker/" + caseId).with(signedIn)).andExpect(status().isNotFound());
		}

		List<ILoggingEvent> notFound = this.log.events("case.not_found");
		assertThat(notFound).hasSize(21).allSatisfy((event) -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
		for (int i = 0; i < 21; i++) {
			assertPairs(notFound.get(i),
					Map.of("user.id", id(prober), "case.id", others.get(i), "url.path", "/saker/" + others.get(i)));
		}
		ILoggingEvent warning = this.log.single("case.enumeration");
		assertThat(warning.getLevel()).isEqualTo(Level.WARN);
		assertPairs(warning, Map.of("event.reason", "too_many_not_found", "user.id", id(prober), "case.id",
				others.get(20), "limit.count", 20L, "limit.period", "PT10M"));

		this.mvc.perform(get("/saker/" + others.get(21)).with(signedIn)).andExpect(status().isNotFound());
		assertThat(this.log.events("case.not_found")).hasSize(22);
		assertThat(this.log.events("case.enumeration")).as("one warning a period").hasSize(1);
		List<String> subjects = this.jdbc.queryForList("select subject from support_case where id = any(?)",
				String.class, (Object) others.toArray(Long[]::new));
		assertNothingSensitive(subjects.toArray(String[]::new));
	}

	@Test
	void grantsRejectionsAndRevocationsAreLoggedAsWhoDidWhatToWhom() throws Exception {
		var people = people();
		String newcomer = people.person("ny", people.existing("910000004").id());
		var agency = this.accessRequests.organization("910000004").orElseThrow();
		long granted = this.accessRequests.request(portalUser(newcomer), agency, Role.REPORTER, "Trenger tilgang");
		long rejected = this.accessRequests.request(portalUser(newcomer), agency, Role.PAYROLL_SPECIALIST,
				"Vil se alt");

		this.mvc
			.perform(post("/admin/tilganger/" + granted).param("decision", "godkjenn")
				.param("comment", "")
				.with(csrf())
				.with(as("admin")))
			.andExpect(redirectedUrl("/admin/tilganger"));
		this.mvc
			.perform(post("/admin/tilganger/" + rejected).param("decision", "avvis")
				.param("comment", "Ikke nødvendig")
				.with(csrf())
				.with(as("admin")))
			.andExpect(redirectedUrl("/admin/tilganger"));
		this.mvc
			.perform(post("/admin/tilganger/tilbakekall").param("userId", "" + id(newcomer))
				.param("role", "REPORTER")
				.param("reason", "Sluttet")
				.with(csrf())
				.with(as("admin")))
			.andExpect(status().is3xxRedirection());

		long admin = id("admin");
		assertPairs(this.log.single("role.granted"), Map.of("event.outcome", "success", "user.id", admin,
				"user.target.id", id(newcomer), "role", "REPORTER", "access_request.id", granted));
		assertPairs(this.log.single("access_request.rejected"), Map.of("user.id", admin, "user.target.id", id(newcomer),
				"role", "PAYROLL_SPECIALIST", "access_request.id", rejected));
		assertPairs(this.log.single("role.revoked"), Map.of("user.id", admin, "user.target.id", id(newcomer), "role",
				"REPORTER", "url.path", "/admin/tilganger/tilbakekall"));
		assertNothingSensitive(newcomer, "Trenger tilgang", "Vil se alt", "Ikke nødvendig", "Sluttet");
	}

	@Test
	void aGrantWhoseTransactionRollsBackIsNeverLogged() {
		var people = people();
		String newcomer = people.person("ny", people.existing("910000004").id());
		var agency = this.accessRequests.organization("910000004").orElseThrow();
		long requestId = this.accessRequests.request(portalUser(newcomer), agency, Role.REPORTER, "Ny");

		this.transactions.executeWithoutResult((status) -> {
			this.accessRequests.approve(portalUser("admin"), requestId, "");
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject("select count(*) from user_role where user_id = ?", Integer.class,
				id(newcomer)))
			.isZero();
		assertThat(this.log.events("role.granted")).isEmpty();
	}

	@Test
	void theEventsPairsBecomeFieldsOfBootsEcsAndLogstashJson() throws Exception {
		String username = personWithPassword(Role.REPORTER);
		signIn(username, "feil");
		ILoggingEvent failure = this.log.single("signin.failure");
		JsonMapper json = JsonMapper.builder().build();

		JsonNode ecs = json.readTree(encode(failure, "ecs"));
		assertThat(ecs.path("log").path("logger").asString()).isEqualTo("security");
		assertThat(ecs.path("event").path("action").asString()).isEqualTo("signin.failure");
		assertThat(ecs.path("event").path("reason").asString()).isEqualTo("bad_credentials");
		assertThat(ecs.path("user").path("id").isIntegralNumber()).isTrue();
		assertThat(ecs.path("user").path("id").asLong()).isEqualTo(id(username));
		assertThat(ecs.path("url").path("path").asString()).isEqualTo("/login");
		assertThat(ecs.path("http").path("request").path("method").asString()).isEqualTo("POST");
		assertThat(ecs.path("message").asString()).startsWith("signin.failure event.outcome=failure");

		JsonNode logstash = json.readTree(encode(failure, "logstash"));
		assertThat(logstash.path("event.action").asString()).isEqualTo("signin.failure");
		assertThat(logstash.path("user.id").asLong()).isEqualTo(id(username));
		assertThat(logstash.toString()).doesNotContain(username).doesNotContain("feil");
	}

	private static String encode(ILoggingEvent event, String format) {
		var encoder = new StructuredLogEncoder();
		encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		encoder.setFormat(format);
		encoder.start();
		try {
			return new String(encoder.encode(event), StandardCharsets.UTF_8);
		}
		finally {
			encoder.stop();
		}
	}

}
