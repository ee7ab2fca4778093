package no.dfo.kundesenter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.access.internal.AccessRequests;
import no.dfo.kundesenter.access.internal.EmailConfirmations;
import no.dfo.kundesenter.access.internal.TestProviders;
import no.dfo.kundesenter.access.internal.PortalUserDetails;
import no.dfo.kundesenter.attachments.TestFiles;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.casework.CannedReplies;
import no.dfo.kundesenter.notifications.internal.DemoMailbox;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal on a database of its own, migrated by an owner role and run as a role that
 * has only what {@code R__grants.sql} gives it: every path that writes works, and it
 * cannot change history or the schema. Roles are cluster-wide, so their names are unique.
 */
@SpringBootTest(properties = { "portal.notifications.sending-enabled=true", "portal.notifications.batch-window=200ms",
		"portal.notifications.poll-interval=100ms", "spring.datasource.hikari.maximum-pool-size=4",
		"portal.channels.mailboxes.payroll.host=127.0.0.1", "portal.channels.mailboxes.payroll.protocol=imap",
		"portal.channels.mailboxes.payroll.username=lonn@kundesenter.test",
		"portal.channels.mailboxes.payroll.password=lonn", "portal.channels.poll-interval=200ms" })
@AutoConfigureMockMvc
class DatabaseRolesTests {

	private static final String SUFFIX = Integer
		.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, 0x7fffffff));

	private static final String OWNER = "kundesenter_owner_" + SUFFIX;

	private static final String APP = "kundesenter_app_" + SUFFIX;

	private static final String DATABASE = "kundesenter_roles_" + SUFFIX;

	private static final String PASSWORD = "password-" + SUFFIX;

	/** The tests' server, as its superuser. */
	private static final Map<String, Object> SERVER = TestDatabases.shared();

	private static boolean created;

	private static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(true));

	private static final GreenMail MAIL_SERVER = new GreenMail(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));

	static {
		PROVIDER.start();
		MAIL_SERVER.setUser("lonn@kundesenter.test", "lonn@kundesenter.test", "lonn");
		MAIL_SERVER.start();
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditTrail audit;

	@Autowired
	AccessRequests access;

	@Autowired
	CannedReplies cannedReplies;

	@Autowired
	DemoMailbox mailbox;

	@Autowired
	EmailConfirmations emailConfirmations;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	List<ScheduledTaskHolder> scheduledTasks;

	/**
	 * Test property sources added here win over the shared test database's (they are
	 * added after the environment post-processors ran).
	 */
	@DynamicPropertySource
	static synchronized void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
		registry.add("portal.channels.mailboxes.payroll.port", () -> MAIL_SERVER.getImap().getPort());
		if (!created) {
			asSuperuser(
					"create role " + OWNER + " login nosuperuser nocreatedb nocreaterole password '" + PASSWORD + "'",
					"create role " + APP + " login nosuperuser nocreatedb nocreaterole password '" + PASSWORD + "'",
					"create database " + DATABASE + " owner " + OWNER);
			created = true;
		}
		registry.add("spring.datasource.url", () -> url(DATABASE));
		registry.add("spring.datasource.username", () -> APP);
		registry.add("spring.datasource.password", () -> PASSWORD);
		registry.add("spring.flyway.user", () -> OWNER);
		registry.add("spring.flyway.password", () -> PASSWORD);
		for (String id : new String[] { "ansattporten", "entraid" }) {
			TestProviders.register(registry, PROVIDER, id, id, id);
		}
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.shutdown();
		MAIL_SERVER.stop();
	}

	/**
	 * A database on the tests' server, without the user the embedded server's URL names.
	 */
	private static String url(String database) {
		String url = (String) SERVER.get("spring.datasource.url");
		return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*(\\?.*)?$", "$1" + database);
	}

	private static void asSuperuser(String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection((String) SERVER.get("spring.datasource.url"),
				(String) SERVER.get("spring.datasource.username"), (String) SERVER.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static Connection connect(String database, String role) throws SQLException {
		return DriverManager.getConnection(url(database), role, PASSWORD);
	}

	private PortalUser user(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser();
	}

	private Cookie signIn(String username) throws Exception {
		Cookie session = this.mvc
			.perform(post("/login").param("username", username).param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("SESSION cookie").isNotNull();
		return session;
	}

	/**
	 * Signs in through single sign-on: the browser's part, with the portal under MockMvc
	 * and the provider over HTTP.
	 */
	private Cookie signInWith(String registrationId, String claims) throws Exception {
		MockHttpServletResponse start = this.mvc.perform(get("/oauth2/authorization/" + registrationId))
			.andReturn()
			.getResponse();
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(start.getRedirectedUrl()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=s&claims=" + java.net.URLEncoder.encode(claims, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		URI back = URI.create(login.headers().firstValue("Location").orElseThrow());
		MockHttpServletResponse signedIn = this.mvc.perform(get(back).cookie(start.getCookie("SESSION")))
			.andReturn()
			.getResponse();
		assertThat(signedIn.getRedirectedUrl()).doesNotContain("avvist");
		return signedIn.getCookie("SESSION");
	}

	private static String sessionId(Cookie session) {
		return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
	}

	private int count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Integer.class, arguments);
	}

	private long version(long caseId) {
		return this.jdbc.queryForObject("select version from support_case where id = ?", Long.class, caseId);
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request, Cookie session) {
		return request.cookie(session).with(csrf().asHeader());
	}

	@Test
	void thePortalRunsAsARoleThatIsNoSuperuserAndOwnsNothing() {
		assertThat(this.jdbc.queryForObject("select current_user", String.class)).isEqualTo(APP);
		assertThat(
				this.jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
			.isFalse();
		assertThat(count("select count(*) from pg_class where relowner = (select oid from pg_roles "
				+ "where rolname = current_user)"))
			.isZero();
		assertThat(count("select count(*) from pg_class where relnamespace = 'public'::regnamespace "
				+ "and relkind = 'r' and relowner <> (select oid from pg_roles where rolname = ?)", OWNER))
			.isZero();
	}

	@Test
	void flywayMigratedAsTheOwner() throws SQLException {
		try (Connection connection = connect(DATABASE, OWNER);
				var result = connection.createStatement()
					.executeQuery("select array_agg(distinct installed_by) from flyway_schema_history")) {
			result.next();
			assertThat((Object[]) result.getArray(1).getArray()).containsExactly(OWNER);
		}
	}

	@Test
	void aCaseRegisteredWithAFileAssignedAnsweredAndRepliedToSendsItsNotice() throws Exception {
		Cookie kari = signIn("kari");
		String location = this.mvc
			.perform(as(multipart("/saker").file(TestFiles.file("faktura.pdf", TestFiles.PDF))
				.param("category", "ACCOUNTING")
				.param("subject", "Faktura med vedlegg")
				.param("message", "Se vedlagt faktura."), kari))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/saker/\\d+");
		long id = Long.parseLong(location.substring("/saker/".length()));
		UUID file = this.jdbc.queryForObject("select id from attachment where case_id = ?", UUID.class, id);

		Cookie sverre = signIn("sverre");
		this.mvc.perform(as(get(location), sverre)).andExpect(status().isOk());
		this.mvc
			.perform(as(post(location + "/tildeling").param("saksbehandler", "meg")
				.param("version", Long.toString(version(id))), sverre))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(as(get(location + "/vedlegg/" + file), sverre)).andExpect(status().isOk());
		this.mvc
			.perform(as(multipart(location + "/meldinger").param("action", "send")
				.param("body", "Vi har registrert fakturaen.")
				.param("visibility", "offentlig")
				.param("status", "WAITING_FOR_CUSTOMER")
				.param("version", Long.toString(version(id))), sverre))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(as(multipart(location + "/meldinger").param("body", "Takk for svaret."), kari))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.queryForObject("select status from support_case where id = ?", String.class, id))
			.isEqualTo("ACTIVE");
		assertThat(count("select count(*) from message where case_id = ?", id)).isEqualTo(3);
		assertThat(count("select count(*) from status_change where case_id = ?", id)).isEqualTo(3);
		assertThat(count("select count(*) from case_assignment where case_id = ?", id)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("select action from audit_event where case_id = ?", String.class, id))
			.contains("CASE_REGISTERED", "CASE_ASSIGNED", "ATTACHMENT_DOWNLOADED", "MESSAGE_POSTED", "STATUS_CHANGED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.mailbox.mails()).anySatisfy((mail) -> assertThat(mail.link()).endsWith("/saker/" + id));
			assertThat(count("select count(*) from notice where case_id = ? and status = 'SENT'", id)).isEqualTo(1);
			// Completed publications are deleted.
			assertThat(count("select count(*) from event_publication")).isZero();
		});
	}

	@Test
	void sessionsAreWrittenOnSignInAndDeletedOnSignOutAndWhenTheyExpire() throws Exception {
		Cookie first = signIn("kari");
		assertThat(count("select count(*) from spring_session where session_id = ? and principal_name = 'kari'",
				sessionId(first)))
			.isEqualTo(1);
		this.mvc.perform(as(post("/logout"), first)).andExpect(status().is3xxRedirection());
		assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(first))).isZero();

		Cookie second = signIn("kari");
		this.jdbc.update("update spring_session set expiry_time = 0 where session_id = ?", sessionId(second));
		this.sessions.cleanUpExpiredSessions();
		assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(second))).isZero();
	}

	@Test
	void theDraftCleanupDeletesExpiredDraftsUnderItsLock() throws Exception {
		Cookie ola = signIn("ola");
		this.mvc
			.perform(as(multipart("/saker").file(TestFiles.file("glemt.pdf", TestFiles.PDF))
				.param("category", "PAYROLL")
				.param("upload", "1"), ola))
			.andExpect(status().isOk());
		UUID draft = this.jdbc.queryForObject("""
				select id from attachment where case_id is null and file_name = 'glemt.pdf'
				and added_by = (select id from app_user where username = 'ola')""", UUID.class);
		this.jdbc.update("update attachment set created_at = now() - interval '25 hours' where id = ?", draft);

		Runnable cleanup = this.scheduledTasks.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map((task) -> task.getTask().getRunnable())
			.filter((task) -> task.toString().contains("DraftCleanup.deleteExpiredDrafts"))
			.findFirst()
			.orElseThrow();
		cleanup.run();

		assertThat(count("select count(*) from attachment where id = ?", draft)).isZero();
		assertThat(count("select count(*) from attachment_chunk where blob_id = ?", draft)).isZero();
		assertThat(count("select count(*) from shedlock where name = 'attachments-draft-cleanup'")).isEqualTo(1);
	}

	@Test
	void accessIsRequestedGrantedAndRevoked() {
		PortalUser nina = user("nina");
		PortalUser admin = user("admin");
		var agency = this.access.addAgency(admin, new TestPeople(this.jdbc).unusedOrgNumber(), "Roleetaten");
		long request = this.access.request(nina, agency, Role.REPORTER, "Skal melde inn saker");
		this.access.approve(admin, request, "");
		assertThat(user("nina").roles()).containsExactly(Role.REPORTER);
		this.access.revoke(admin, nina.id(), Role.REPORTER, "Sluttet");
		assertThat(user("nina").roles()).isEmpty();
		assertThat(this.jdbc.queryForList("select change from role_change where user_id = ? order by id", String.class,
				nina.id()))
			.containsExactly("GRANTED", "REVOKED");
	}

	@Test
	void peopleSignInThroughSingleSignOnAndAreTiedToTheirIdentity() throws Exception {
		String pid = "0" + ThreadLocalRandom.current().nextInt(1, 10) + "8" + ThreadLocalRandom.current().nextInt(1, 10)
				+ String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
		Cookie newcomer = signInWith("ansattporten",
				"{\"pid\": \"" + pid + "\", \"name\": \"Nils Nykommer\", \"acr\": \"substantial\"}");
		this.mvc.perform(get("/tilgang").cookie(newcomer)).andExpect(status().isOk());
		assertThat(count("select count(*) from app_user where full_name = 'Nils Nykommer' and pid_hash is not null"))
			.isOne();

		long caseworker = this.jdbc.queryForObject("select id from app_user where username = 'siri'", Long.class);
		String email = this.jdbc.queryForObject("select email from app_user where id = ?", String.class, caseworker);
		UUID objectId = UUID.randomUUID();
		Cookie siri = signInWith("entraid", "{\"oid\": \"" + objectId + "\", \"name\": \"Siri Saksbehandler\", "
				+ "\"email\": \"" + email + "\", \"email_verified\": true}");
		this.mvc.perform(get("/saksbehandling").cookie(siri)).andExpect(status().isOk());
		assertThat(
				this.jdbc.queryForObject("select entra_object_id from app_user where id = ?", UUID.class, caseworker))
			.isEqualTo(objectId);
	}

	@Test
	void aPersonConfirmsTheirAddressForNotices() {
		PortalUser nina = user("nina");
		String address = "nina-" + SUFFIX + "@testetaten.no";
		assertThat(this.emailConfirmations.request(nina, address)).isEmpty();
		String link = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mailbox.mails().stream().filter((mail) -> mail.to().equals(address)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow()
			.link();
		var query = org.springframework.web.util.UriComponentsBuilder.fromUriString(link).build().getQueryParams();
		assertThat(this.emailConfirmations.confirm(nina,
				java.net.URLDecoder.decode(query.getFirst("adresse"), StandardCharsets.UTF_8),
				query.getFirst("utloper"), query.getFirst("kode")))
			.isTrue();
		assertThat(this.jdbc.queryForObject("select email from app_user where id = ?", String.class, nina.id()))
			.isEqualTo(address);
	}

	@Test
	void mailsToTheCentreBecomeCasesAndTriagedMailsAreLinkedAndRejected() throws Exception {
		String kari = this.jdbc.queryForObject("select email from app_user where username = 'kari'", String.class);
		deliver(kari, "Lønn via e-post " + SUFFIX, "Se vedlagt.", true);
		deliver("ukjent-" + SUFFIX + "@nowhere.example", "Ukjent 1 " + SUFFIX, "Hvem?", true);
		deliver("ukjent-" + SUFFIX + "@nowhere.example", "Ukjent 2 " + SUFFIX, "Hvem?", false);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(count("select count(*) from support_case where subject = ? and channel = 'EMAIL'",
					"Lønn via e-post " + SUFFIX))
				.isEqualTo(1);
			assertThat(count("select count(*) from received_mail where subject like ? and outcome = 'TRIAGE'",
					"Ukjent % " + SUFFIX))
				.isEqualTo(2);
		});
		long linked = this.jdbc.queryForObject("select id from received_mail where subject = ?", Long.class,
				"Ukjent 1 " + SUFFIX);
		long rejected = this.jdbc.queryForObject("select id from received_mail where subject = ?", Long.class,
				"Ukjent 2 " + SUFFIX);
		Cookie siri = signIn("siri");
		this.mvc.perform(as(post("/saksbehandling/innboks/" + linked + "/kobling").param("email", kari), siri))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(as(post("/saksbehandling/innboks/" + rejected + "/avvisning").param("reason", "Reklame"), siri))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("select outcome from received_mail where id in (?, ?) order by id",
				String.class, linked, rejected))
			.containsExactly("LINKED", "REJECTED");
		assertThat(
				count("select count(*) from attachment a join received_mail r on r.case_id = a.case_id where r.id = ?",
						linked))
			.isEqualTo(1);
	}

	private static void deliver(String from, String subject, String text, boolean withPdf) throws Exception {
		jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
				jakarta.mail.Session.getInstance(new java.util.Properties()));
		mail.setFrom(from);
		mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "lonn@kundesenter.test");
		mail.setSubject(subject, "UTF-8");
		org.springframework.mail.javamail.MimeMessageHelper helper = new org.springframework.mail.javamail.MimeMessageHelper(
				mail, withPdf, "UTF-8");
		helper.setText(text);
		if (withPdf) {
			helper.addAttachment("faktura.pdf", new org.springframework.core.io.ByteArrayResource(TestFiles.PDF),
					"application/pdf");
		}
		mail.saveChanges();
		MAIL_SERVER.getUserManager().getUserByEmail("lonn@kundesenter.test").deliver(mail);
	}

	@Test
	void aPersonsLanguageIsKeptForTheirNotices() throws Exception {
		Cookie rune = signIn("rune");
		this.mvc.perform(get("/saker?lang=en").cookie(rune)).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select language from app_user where username = 'rune'", String.class))
			.isEqualTo("en");
	}

	@Test
	void cannedRepliesAreWrittenEditedAndDeleted() {
		PortalUser sverre = user("sverre");
		long id = this.cannedReplies.create(Category.ACCOUNTING, "Purring " + SUFFIX, "Vi venter på svar.", sverre)
			.getId();
		this.cannedReplies.update(id, "Purring " + SUFFIX, "Vi venter fortsatt på svar.", sverre);
		this.cannedReplies.delete(id, sverre);
		assertThat(count("select count(*) from canned_reply where id = ?", id)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			delete from audit_event                         | permission denied for table audit_event
			update audit_event set detail = detail          | permission denied for table audit_event
			truncate audit_event                            | permission denied for table audit_event
			alter table audit_event disable trigger all     | must be owner of table audit_event
			drop trigger audit_event_append_only on audit_event | must be owner of relation audit_event
			delete from role_change                         | permission denied for table role_change
			update role_change set reason = reason          | permission denied for table role_change
			truncate role_change                            | permission denied for table role_change
			alter table role_change disable trigger all     | must be owner of table role_change
			delete from message                             | permission denied for table message
			update status_change set to_status = to_status  | permission denied for table status_change
			delete from case_assignment                     | permission denied for table case_assignment
			delete from support_case                        | permission denied for table support_case
			update app_user set password_hash = null        | permission denied for table app_user
			drop table support_case                         | must be owner of table support_case
			alter table support_case add column x int       | must be owner of table support_case
			create table x (id int)                         | permission denied for schema public
			set session_replication_role = replica          | permission denied to set parameter
			""")
	void thePortalsRoleCannotChangeHistoryNorTheSchema(String sql, String error) throws SQLException {
		this.audit.record(user("admin"), AuditAction.ROLE_GRANTED, null, "test");
		this.jdbc.update("""
				insert into role_change (user_id, organization_id, role, change, changed_by, reason)
				select u.id, u.organization_id, 'REPORTER', 'GRANTED', a.id, 'test'
				from app_user u, app_user a where u.username = 'ola' and a.username = 'admin'""");
		int audited = count("select count(*) from audit_event");
		int roleChanges = count("select count(*) from role_change");

		try (Connection connection = connect(DATABASE, APP); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(sql))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"))
				.withMessageContaining(error);
		}

		assertThat(count("select count(*) from audit_event")).isEqualTo(audited);
		assertThat(count("select count(*) from role_change")).isEqualTo(roleChanges);
		assertThat(count("select count(*) from pg_trigger where tgrelid in ('audit_event'::regclass, "
				+ "'role_change'::regclass) and not tgisinternal and tgenabled = 'O'"))
			.isEqualTo(4);
	}

	@Test
	void aChangedNameOfThePortalsRoleRunsTheGrantsAgain() throws SQLException {
		String database = DATABASE + "_renamed";
		String first = APP + "_first";
		String second = APP + "_second";
		asSuperuser("create database " + database + " owner " + OWNER,
				"create role " + first + " login password '" + PASSWORD + "'",
				"create role " + second + " login password '" + PASSWORD + "'");

		migrate(database, "");
		assertThat(grantsOn(database, "audit_event")).isNull();
		migrate(database, first);
		assertThat(grantsOn(database, "audit_event")).contains(first + "=ar/" + OWNER);
		assertThat(migrate(database, first).migrationsExecuted).isZero();
		var renamed = migrate(database, second);
		assertThat(renamed.migrationsExecuted).isEqualTo(1);
		assertThat(renamed.migrations.get(0).filepath).endsWith("R__grants.sql");
		// The role's old name keeps its grants until someone revokes them.
		assertThat(grantsOn(database, "audit_event")).contains(second + "=ar/" + OWNER, first + "=ar/" + OWNER);
	}

	@Test
	void aTableTheGrantsDoNotListFailsTheMigration() throws SQLException {
		String database = DATABASE + "_unlisted";
		asSuperuser("create database " + database + " owner " + OWNER);
		assertThatExceptionOfType(FlywayException.class)
			.isThrownBy(() -> Flyway.configure()
				.dataSource(url(database), OWNER, PASSWORD)
				.locations("classpath:db/migration", "classpath:db/table-without-grants")
				.placeholders(Map.of("approle", APP))
				.load()
				.migrate())
			.withMessageContaining("R__grants.sql lists no privileges for: table_without_grants");
	}

	private static org.flywaydb.core.api.output.MigrateResult migrate(String database, String appRole) {
		return Flyway.configure()
			.dataSource(url(database), OWNER, PASSWORD)
			.locations("classpath:db/migration")
			.placeholders(Map.of("approle", appRole))
			.load()
			.migrate();
	}

	private static String grantsOn(String database, String table) throws SQLException {
		try (Connection connection = connect(database, OWNER);
				var statement = connection
					.prepareStatement("select relacl::text from pg_class where oid = ?::regclass")) {
			statement.setString(1, table);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}
