package no.dfo.kundesenter.access.internal;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through OpenID Connect against a real provider over HTTP (mock-oauth2-server:
 * discovery, the authorization and token endpoints, signed ID tokens and their keys).
 * Demo users are known by their demo identity numbers (db/demo/R__demo_identities.sql).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnTests {

	static final String KARI = "15887000111";

	static final String AUTHORIZATION_DETAILS = "[{\"type\":\"ansattporten:altinn:service\","
			+ "\"resource\":\"urn:altinn:resource:5613:1\"}]";

	static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(true));

	static {
		PROVIDER.start();
	}

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		register(registry, "ansattporten", "ansattporten", "ansattporten");
		register(registry, "idporten", "idporten", "idporten");
		register(registry, "entraid", "entraid", "entraid");
		registry.add("portal.access.authorization-details.ansattporten", () -> AUTHORIZATION_DETAILS);
		// A provider whose tokens are signed with a key it does not publish: a forgery.
		register(registry, "forfalsket", "ansattporten", "ansattporten");
		registry.add("spring.security.oauth2.client.provider.forfalsket.jwk-set-uri",
				() -> PROVIDER.jwksUrl("annen").toString());
		registry.add("portal.access.acr-values.forfalsket", () -> "substantial");
	}

	private static void register(DynamicPropertyRegistry registry, String id, String issuer, String clientId) {
		TestProviders.register(registry, PROVIDER, id, issuer, clientId);
	}

	@AfterAll
	static void stopProvider() {
		// Other test classes run in the same JVM; the provider is this class's alone.
		PROVIDER.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortalUsers users;

	@Autowired
	AccessRequests requests;

	@Autowired
	PersonIdentities identities;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	no.dfo.kundesenter.access.AuditTrail audit;

	private static String claims(String pid, String name, String acr) {
		return "{\"pid\": \"" + pid + "\", \"name\": \"" + name + "\", \"acr\": \"" + acr + "\"}";
	}

	private static String newPid() {
		// Month + 80, as in synthetic test numbers: nobody's.
		return "0" + ThreadLocalRandom.current().nextInt(1, 10) + "8" + ThreadLocalRandom.current().nextInt(1, 10)
				+ String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
	}

	private static Map<String, String> query(String url) {
		Map<String, String> parameters = new java.util.HashMap<>();
		for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
			int eq = pair.indexOf('=');
			parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	@Test
	void theLoginPageOffersEachConfiguredProviderAndOrderingAccess() throws Exception {
		String page = new OpenIdBrowser(this.port).get("/login").body();
		assertThat(page).contains("href=\"/oauth2/authorization/ansattporten\"", "Logg inn med Ansattporten",
				"href=\"/oauth2/authorization/idporten\"", "Logg inn med ID-porten", "href=\"/tilgang\"",
				"Bestille tilgang");
		assertThat(page.indexOf("Ansattporten")).isLessThan(page.indexOf("ID-porten"));
		// The demo's password login stays beside it.
		assertThat(page).contains("name=\"password\"");
	}

	@Test
	void theAuthorizationRequestUsesPkceStateAndNonceAndAsksForTheLevelAndLanguage() throws Exception {
		OpenIdBrowser browser = new OpenIdBrowser(this.port);
		Map<String, String> ansattporten = query(browser.authorizationRequest("ansattporten"));
		assertThat(ansattporten).containsEntry("code_challenge_method", "S256")
			.containsEntry("acr_values", "substantial")
			.containsEntry("ui_locales", "nb")
			.containsEntry("authorization_details", AUTHORIZATION_DETAILS)
			.containsEntry("response_type", "code")
			.containsKeys("code_challenge", "state", "nonce");
		Map<String, String> idporten = query(browser.authorizationRequest("idporten"));
		assertThat(idporten).containsEntry("acr_values", "idporten-loa-substantial")
			.doesNotContainKey("authorization_details");
		assertThat(query(browser.authorizationRequest("entraid"))).doesNotContainKeys("acr_values",
				"authorization_details");
		// The provider's pages come in the language the portal's are in.
		browser.get("/login?lang=nn");
		assertThat(query(browser.authorizationRequest("idporten"))).containsEntry("ui_locales", "nn");
	}

	@Test
	void aKnownPersonSignsInWithTheirRolesAndSeesTheirCases() throws Exception {
		OpenIdBrowser kari = new OpenIdBrowser(this.port);
		// A bookmarked page comes back after sign-in.
		assertThat(kari.get("/saker").statusCode()).isEqualTo(302);
		HttpResponse<String> back = kari.signIn("ansattporten", "pairwise-kari",
				claims(KARI, "Kari Nordmann", "substantial"));
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(OpenIdBrowser.location(back)).endsWith("/saker");
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
		long kariId = this.jdbc.queryForObject("select id from app_user where username = 'kari'", Long.class);
		// Newest first by number: other test classes may have touched older cases of hers
		// since.
		HttpResponse<String> cases = kari.get("/saker?sort=-id");
		Long someCase = this.jdbc.queryForObject("select max(id) from support_case where reporter_id = ?", Long.class,
				kariId);
		assertThat(cases.body()).contains("Kari Nordmann", ">" + someCase + "<");
		assertThat(this.jdbc.queryForList(
				"select detail from audit_event where actor_id = ? and action = 'SIGNED_IN' order by id desc limit 1",
				String.class, kariId))
			.containsExactly("provider=ansattporten acr=substantial");
	}

	@Test
	void aHigherLevelThanAskedIsAcceptedAtIdPorten() throws Exception {
		OpenIdBrowser kari = new OpenIdBrowser(this.port);
		HttpResponse<String> back = kari.signIn("idporten", "pairwise-kari-2",
				claims(KARI, "Kari Nordmann", "idporten-loa-high"));
		assertThat(OpenIdBrowser.location(back)).doesNotContain("avvist");
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownPersonOrdersAccessAndGetsInOnceApproved(CapturedOutput output) throws Exception {
		String pid = newPid();
		OpenIdBrowser newcomer = new OpenIdBrowser(this.port);
		newcomer.signIn("ansattporten", "pairwise-" + java.util.UUID.randomUUID(),
				claims(pid, "Una Ukjent", "substantial"));
		HttpResponse<String> cases = newcomer.get("/saker");
		assertThat(cases.statusCode()).isEqualTo(302);
		assertThat(OpenIdBrowser.location(cases)).endsWith("/tilgang");
		HttpResponse<String> order = newcomer.get("/tilgang");
		assertThat(order.statusCode()).isEqualTo(200);
		assertThat(order.body()).contains("Una Ukjent");

		HttpResponse<String> sent = newcomer.submit("/tilgang", "/tilgang",
				Map.of("orgNumber", "910000004", "role", "REPORTER", "reason", "Jeg melder inn lønnssaker"));
		assertThat(sent.statusCode()).isEqualTo(302);
		Long personId = this.jdbc.queryForObject(
				"select user_id from access_request where reason = 'Jeg melder inn lønnssaker' order by id desc limit 1",
				Long.class);
		assertThat(this.users.current(personId))
			.hasValueSatisfying((p) -> assertThat(p.fullName()).isEqualTo("Una Ukjent"));
		assertThat(newcomer.get("/saker").statusCode()).isEqualTo(302);

		PortalUser admin = this.users
			.current(this.jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class))
			.orElseThrow();
		long requestId = this.jdbc.queryForObject("select max(id) from access_request where user_id = ?", Long.class,
				personId);
		this.requests.approve(admin, requestId, "");
		// The role counts from the next request, in the same session.
		HttpResponse<String> after = newcomer.get("/saker");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(this.users.current(personId))
			.hasValueSatisfying((p) -> assertThat(p.roles()).contains(Role.REPORTER));

		assertThat(output.getAll()).doesNotContain(pid);
		assertThat(pidsInTheDatabase(pid)).isEmpty();
	}

	@Test
	void signingOutEndsTheSessionAndTheSignInAtTheProvider() throws Exception {
		OpenIdBrowser kari = new OpenIdBrowser(this.port);
		kari.signIn("ansattporten", "pairwise-" + UUID.randomUUID(), claims(KARI, "Kari Nordmann", "substantial"));
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
		HttpResponse<String> out = kari.submit("/saker", "/logout", Map.of());
		assertThat(out.statusCode()).isEqualTo(302);
		String endSession = OpenIdBrowser.location(out);
		assertThat(endSession).startsWith(PROVIDER.endSessionEndpointUrl("ansattporten").toString());
		Map<String, String> parameters = query(endSession);
		assertThat(parameters).containsEntry("post_logout_redirect_uri", kari.portal() + "/login?logout");
		assertThat(parameters.get("id_token_hint")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(kari.get("/saker").statusCode()).isEqualTo(302);

		HttpResponse<String> atProvider = kari.get(endSession);
		assertThat(OpenIdBrowser.location(atProvider)).isEqualTo(kari.portal() + "/login?logout");
		assertThat(kari.get(OpenIdBrowser.location(atProvider)).body()).contains("Du er logget ut");
	}

	@Test
	void aBackChannelLogoutFromTheProviderEndsTheSession() throws Exception {
		String subject = "pairwise-" + UUID.randomUUID();
		OpenIdBrowser kari = new OpenIdBrowser(this.port);
		kari.signIn("ansattporten", subject, claims(KARI, "Kari Nordmann", "substantial"));
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
		assertThat(
				this.jdbc.queryForObject("select count(*) from oidc_session where subject = ?", Integer.class, subject))
			.isOne();

		String logoutToken = PROVIDER
			.issueToken("ansattporten", subject, "ansattporten",
					Map.of("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())))
			.serialize();
		HttpResponse<String> ended = new OpenIdBrowser(this.port).post("/logout/connect/back-channel/ansattporten",
				Map.of("logout_token", logoutToken));
		assertThat(ended.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session s join oidc_session o "
				+ "on o.session_id = s.session_id where o.subject = ?", Integer.class, subject))
			.isZero();
		// Her next page says why she is signed out, once.
		HttpResponse<String> next = kari.get("/saker");
		assertThat(OpenIdBrowser.location(next)).endsWith("/login?avsluttet");
		assertThat(kari.get("/login?avsluttet").body())
			.contains("Du ble logget ut fordi du logget ut hos " + "innloggingstjenesten")
			.doesNotContain("ikke har vært aktiv");
		assertThat(OpenIdBrowser.location(kari.get("/saker"))).endsWith("/login");
		assertThat(
				this.jdbc.queryForObject("select count(*) from oidc_session where subject = ?", Integer.class, subject))
			.isZero();
	}

	@Test
	void aLogoutTokenFromAnotherIssuerEndsNothing() throws Exception {
		String subject = "pairwise-" + UUID.randomUUID();
		OpenIdBrowser kari = new OpenIdBrowser(this.port);
		kari.signIn("ansattporten", subject, claims(KARI, "Kari Nordmann", "substantial"));
		String forged = PROVIDER
			.issueToken("annen", subject, "ansattporten",
					Map.of("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())))
			.serialize();
		HttpResponse<String> refused = new OpenIdBrowser(this.port).post("/logout/connect/back-channel/ansattporten",
				Map.of("logout_token", forged));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(kari.get("/saker").statusCode()).isEqualTo(200);
	}

	@Test
	void aLowerLevelOfAssuranceIsRefused() throws Exception {
		assertRefused(new OpenIdBrowser(this.port).signIn("ansattporten", "s", claims(KARI, "Kari Nordmann", "low")),
				"niva");
		assertRefused(
				new OpenIdBrowser(this.port).signIn("idporten", "s", claims(KARI, "Kari Nordmann", "idporten-loa-low")),
				"niva");
		assertRefused(new OpenIdBrowser(this.port).signIn("ansattporten", "s", "{\"pid\": \"" + KARI + "\"}"), "niva");
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		assertRefused(
				new OpenIdBrowser(this.port).signIn("ansattporten", "s",
						"{\"pid\": \"" + KARI + "\", \"acr\": \"substantial\", \"aud\": \"another-client\"}"),
				"ugyldig");
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		PROVIDER.enqueueCallback(
				new DefaultOAuth2TokenCallback("ansattporten", "s", "JWT", List.of("ansattporten"), Map.of(), -3600));
		assertRefused(
				new OpenIdBrowser(this.port).signIn("ansattporten", "s", claims(KARI, "Kari Nordmann", "substantial")),
				"ugyldig");
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() throws Exception {
		assertRefused(
				new OpenIdBrowser(this.port).signIn("ansattporten", "s",
						"{\"pid\": \"" + KARI
								+ "\", \"acr\": \"substantial\", \"iss\": \"https://test.ansattporten.no\"}"),
				"ugyldig");
	}

	@Test
	void aTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() throws Exception {
		assertRefused(
				new OpenIdBrowser(this.port).signIn("forfalsket", "s", claims(KARI, "Kari Nordmann", "substantial")),
				"ugyldig");
	}

	@Test
	void aTokenWithAnotherNonceIsRefused() throws Exception {
		assertRefused(
				new OpenIdBrowser(this.port).signIn("ansattporten", "s", claims(KARI, "Kari Nordmann", "substantial"),
						(authorize) -> authorize.replaceFirst("nonce=[^&]+", "nonce=replayed")),
				"ugyldig");
	}

	@Test
	void aTokenThatNamesNoPersonIsRefused() throws Exception {
		assertRefused(
				new OpenIdBrowser(this.port).signIn("ansattporten", "s", "{\"acr\": \"substantial\", \"name\": \"X\"}"),
				"person");
	}

	@Test
	void theOrganizationChosenAtAnsattportenMustBeTheOneThePersonIsGrantedFor() throws Exception {
		String karis = this.jdbc
			.queryForObject("select o.org_number from app_user u join organization o on o.id = u.organization_id "
					+ "where u.username = 'kari'", String.class);
		OpenIdBrowser forHerAgency = new OpenIdBrowser(this.port);
		HttpResponse<String> back = forHerAgency.signIn("ansattporten", "pairwise-kari", chosen(KARI, "0192:" + karis));
		assertThat(OpenIdBrowser.location(back)).doesNotContain("avvist");
		assertThat(forHerAgency.get("/saker").statusCode()).isEqualTo(200);

		OpenIdBrowser forAnother = new OpenIdBrowser(this.port);
		assertRefused(forAnother.signIn("ansattporten", "pairwise-kari", chosen(KARI, "0192:999999999")), "virksomhet");
		assertThat(OpenIdBrowser.location(forAnother.get("/saker"))).endsWith("/login");
	}

	@Test
	void anUnknownPersonMayChooseAnyOrganizationAndOrdersAccess() throws Exception {
		OpenIdBrowser newcomer = new OpenIdBrowser(this.port);
		newcomer.signIn("ansattporten", "pairwise-" + UUID.randomUUID(), chosen(newPid(), "0192:999999999"));
		assertThat(OpenIdBrowser.location(newcomer.get("/saker"))).endsWith("/tilgang");
	}

	private static String chosen(String pid, String organization) {
		return "{\"pid\": \"" + pid + "\", \"name\": \"Kari Nordmann\", \"acr\": \"substantial\", "
				+ "\"authorization_details\": [{\"type\": \"ansattporten:altinn:service\", "
				+ "\"resource\": \"urn:altinn:resource:5613:1\", \"reportees\": [{\"Rights\": [\"Read\"], "
				+ "\"Authority\": \"iso6523-actorid-upis\", \"ID\": \"" + organization
				+ "\", \"Name\": \"Virksomheten\"}]}]}";
	}

	@Test
	void aCaseworkerSignsInWithEntraIdByVerifiedEmailAndIsKnownByObjectIdFromThenOn() throws Exception {
		String email = "saksbehandler-" + UUID.randomUUID() + "@kundesenter.example";
		long caseworker = centreUser(email, Role.PAYROLL_CASEWORKER);
		UUID objectId = UUID.randomUUID();

		OpenIdBrowser first = new OpenIdBrowser(this.port);
		first.signIn("entraid", objectId.toString(), entra(objectId, "Siv Saksbehandler", email, true));
		assertThat(first.get("/saksbehandling").statusCode()).isEqualTo(200);
		assertThat(
				this.jdbc.queryForObject("select entra_object_id from app_user where id = ?", UUID.class, caseworker))
			.isEqualTo(objectId);

		// Known by object id now, whatever the address says.
		OpenIdBrowser again = new OpenIdBrowser(this.port);
		again.signIn("entraid", objectId.toString(), entra(objectId, "Siv Saksbehandler", null, false));
		assertThat(again.get("/saksbehandling").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where entra_object_id = ?", Integer.class,
				objectId))
			.isOne();
	}

	@Test
	void anEmailEntraIdDoesNotVouchForOrOfAnAgencyPersonNamesNobody() throws Exception {
		String email = "saksbehandler-" + UUID.randomUUID() + "@kundesenter.example";
		long caseworker = centreUser(email, Role.PAYROLL_CASEWORKER);
		UUID stranger = UUID.randomUUID();
		OpenIdBrowser unverified = new OpenIdBrowser(this.port);
		unverified.signIn("entraid", stranger.toString(), entra(stranger, "Ukjent Person", email, false));
		assertThat(OpenIdBrowser.location(unverified.get("/saksbehandling"))).endsWith("/tilgang");
		assertThat(
				this.jdbc.queryForObject("select entra_object_id from app_user where id = ?", UUID.class, caseworker))
			.isNull();

		String karisEmail = this.jdbc.queryForObject("select email from app_user where username = 'kari'",
				String.class);
		UUID other = UUID.randomUUID();
		OpenIdBrowser agency = new OpenIdBrowser(this.port);
		agency.signIn("entraid", other.toString(), entra(other, "Kari Nordmann", karisEmail, true));
		assertThat(OpenIdBrowser.location(agency.get("/saker"))).endsWith("/tilgang");
		assertThat(this.jdbc.queryForObject("select entra_object_id from app_user where username = 'kari'", UUID.class))
			.isNull();
	}

	@Test
	void aTokenFromEntraIdWithoutAnObjectIdIsRefused() throws Exception {
		assertRefused(new OpenIdBrowser(this.port).signIn("entraid", "s", "{\"name\": \"X\", \"oid\": \"not-a-uuid\"}"),
				"person");
	}

	@Test
	void anEntraIdObjectIdCanNameTheFirstAdministrator() {
		UUID objectId = UUID.randomUUID();
		AccessSettings named = new AccessSettings("974000008", java.time.Duration.ofHours(12), true, null,
				objectId.toString(), Map.of(), Map.of());
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("delete from user_role where role = 'ADMINISTRATOR'");
			new FirstAdministrator(named, this.identities, this.jdbc, this.transactions, this.audit).run(null);
			assertThat(this.jdbc.queryForList("""
					select u.entra_object_id from app_user u join user_role r on r.user_id = u.id
					where r.role = 'ADMINISTRATOR'""", UUID.class)).containsExactly(objectId);
			status.setRollbackOnly();
		});
	}

	private long centreUser(String email, Role role) {
		long id = this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id)
				select ?, 'Siv Saksbehandler', ?, id from organization where org_number = '974000008'
				returning id""", Long.class, "siv-" + UUID.randomUUID(), email);
		this.jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role.name());
		return id;
	}

	private static String entra(UUID objectId, String name, String email, boolean verified) {
		String address = (email != null) ? ", \"email\": \"" + email + "\", \"xms_edov\": " + verified : "";
		return "{\"oid\": \"" + objectId + "\", \"tid\": \"" + UUID.nameUUIDFromBytes("senteret".getBytes())
				+ "\", \"name\": \"" + name + "\"" + address + "}";
	}

	private void assertRefused(HttpResponse<String> back, String kind) throws Exception {
		assertThat(back.statusCode()).isEqualTo(302);
		String location = OpenIdBrowser.location(back);
		assertThat(location).endsWith("/login?avvist=" + kind);
		HttpResponse<String> page = new OpenIdBrowser(this.port).get(location);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Innloggingen").doesNotContain("Exception", "at org.");
	}

	/** Every table whose rows, as text, hold the number; and sessions whose bytes do. */
	private List<String> pidsInTheDatabase(String pid) {
		List<String> found = new java.util.ArrayList<>();
		for (String table : this.jdbc.queryForList("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'""", String.class)) {
			Integer rows = this.jdbc.queryForObject(
					"select count(*) from \"" + table + "\" t where position(? in t::text) > 0", Integer.class, pid);
			if (rows != null && rows > 0) {
				found.add(table);
			}
		}
		found.addAll(
				this.jdbc.queryForList("select 'session attribute ' || attribute_name from spring_session_attributes "
						+ "where position(convert_to(?, 'UTF8') in attribute_bytes) > 0", String.class, pid));
		return found;
	}

}
