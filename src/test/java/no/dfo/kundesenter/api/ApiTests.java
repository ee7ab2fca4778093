package no.dfo.kundesenter.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.TestFiles;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.page.CasePage;
import no.dfo.kundesenter.cases.page.CasePages;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over real HTTP, with mock-oauth2-server as Maskinporten: tokens signed by its
 * keys, found through its discovery document. Testetaten is enabled for the API in the
 * demo data; Prøvedirektoratet is not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiTests {

	static final MockOAuth2Server MASKINPORTEN = new MockOAuth2Server(new OAuth2Config(true));

	static {
		MASKINPORTEN.start();
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				() -> MASKINPORTEN.issuerUrl(ApiClientForTests.ISSUER).toString());
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> MASKINPORTEN.jwksUrl(ApiClientForTests.ISSUER).toString());
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> ApiClientForTests.AUDIENCE);
	}

	@AfterAll
	static void stopIssuer() {
		MASKINPORTEN.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CaseAccess access;

	@Autowired
	UserDirectory directory;

	@Autowired
	CasePages pages;

	ApiClientForTests api;

	String token;

	@BeforeEach
	void client() {
		this.api = new ApiClientForTests(this.port);
		this.token = ApiClientForTests.token(MASKINPORTEN, ApiClientForTests.TESTETATEN);
	}

	private JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private PortalUser user(String username) {
		return this.directory.agencyPortalUser(new TestPeople(this.jdbc).id(username)).orElseThrow();
	}

	private static String voucherCase(String subject) {
		return """
				{"category": "PAYROLL", "subject": "%s", "message": "Lønn for november er ikke utbetalt.",
				 "voucher": {"employeeNumber": "4711", "employeeName": "Kari Nordmann", "payPeriod": "2026-11",
				             "amount": "12500.50", "note": "Gjelder overtid"}}""".formatted(subject);
	}

	private long register(String body) throws Exception {
		HttpResponse<String> created = this.api.postJson("/api/v1/saker", this.token, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return body(created).get("id").asLong();
	}

	@Test
	void aVoucherCaseRegisteredThroughTheApiShowsInTheFagbrukersList() throws Exception {
		HttpResponse<String> created = this.api.postJson("/api/v1/saker", this.token, voucherCase("Bilag fra lønn"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode c = body(created);
		long id = c.get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/saker/" + id);
		assertThat(created.headers().firstValue("ETag")).hasValue("\"" + c.get("version").asLong() + "\"");
		assertThat(c.get("channel").asString()).isEqualTo("API");
		assertThat(c.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(c.get("voucher").get("amount").asString()).isEqualTo("12500.50");
		assertThat(c.get("messages").get(0).get("fromCentre").asBoolean()).isFalse();
		assertThat(this.access.isVisible(id, user("lise"))).isTrue();
		assertThat(this.access.isVisible(id, user("rune"))).isFalse();
		assertThat(this.access.isVisible(id, user("per"))).isFalse();
		assertThat(this.jdbc.queryForObject("select o.org_number from support_case c join organization o "
				+ "on o.id = c.organization_id where c.id = ?", String.class, id))
			.isEqualTo(ApiClientForTests.TESTETATEN);
	}

	@Test
	void aCaseMayBeForAPersonAtTheAgencyByTheirEmail() throws Exception {
		long id = register("""
				{"category": "ACCOUNTING", "subject": "For Kari", "message": "Faktura mangler.",
				 "reporterEmail": "kari.nordmann@testetaten.no"}""");
		assertThat(this.jdbc.queryForObject(
				"select u.username from support_case c join app_user u " + "on u.id = c.reporter_id where c.id = ?",
				String.class, id))
			.isEqualTo("kari");
		assertThat(this.access.isVisible(id, user("kari"))).isTrue();

		HttpResponse<String> elsewhere = this.api.postJson("/api/v1/saker", this.token, """
				{"category": "ACCOUNTING", "subject": "For Per", "message": "Nei.",
				 "reporterEmail": "per.hansen@provedirektoratet.no"}""");
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(body(elsewhere).get("errors").get(0).get("field").asString()).isEqualTo("reporterEmail");
	}

	@Test
	void theSameRequestSentTwiceWithItsIdempotencyKeyMakesOneCase() throws Exception {
		String key = "bilag-" + UUID.randomUUID();
		HttpResponse<String> first = this.api.postJson("/api/v1/saker", this.token, voucherCase("Én gang"),
				"Idempotency-Key", key);
		HttpResponse<String> again = this.api.postJson("/api/v1/saker", this.token, voucherCase("Én gang"),
				"Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(body(again).get("id").asLong()).isEqualTo(body(first).get("id").asLong());
		assertThat(
				this.jdbc.queryForObject("select count(*) from support_case where subject = 'Én gang'", Integer.class))
			.isOne();

		HttpResponse<String> other = this.api.postJson("/api/v1/saker", this.token, voucherCase("Noe annet"),
				"Idempotency-Key", key);
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void retriesSentAtTheSameTimeMakeOneCase() throws Exception {
		String key = "samtidig-" + UUID.randomUUID();
		String subject = "Samtidig " + key;
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				Callable<HttpResponse<String>> call = () -> this.api.postJson("/api/v1/saker", this.token,
						voucherCase(subject), "Idempotency-Key", key);
				answers.add(pool.submit(call));
			}
			Set<Long> ids = new HashSet<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
				ids.add(body(response).get("id").asLong());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from support_case where subject = ?", Integer.class, subject))
			.isOne();
	}

	@Test
	void theListHasOnlyTheAgencysCasesFilteredAndInSlices() throws Exception {
		register(voucherCase("Liste 1"));
		register(voucherCase("Liste 2"));
		register(voucherCase("Liste 3"));
		Set<Long> seen = new HashSet<>();
		String cursor = null;
		int slices = 0;
		do {
			HttpResponse<String> slice = this.api.get(
					"/api/v1/saker?category=PAYROLL&limit=7" + ((cursor != null) ? "&cursor=" + cursor : ""),
					this.token);
			assertThat(slice.statusCode()).as(slice.body()).isEqualTo(200);
			JsonNode page = body(slice);
			assertThat(page.get("cases").size()).isLessThanOrEqualTo(7);
			for (JsonNode c : page.get("cases")) {
				assertThat(c.get("category").asString()).isEqualTo("PAYROLL");
				assertThat(seen.add(c.get("id").asLong())).as("each case once").isTrue();
			}
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			slices++;
		}
		while (cursor != null && slices < 1000);
		Integer expected = this.jdbc.queryForObject(
				"select count(*) from support_case c join organization o "
						+ "on o.id = c.organization_id where o.org_number = ? and c.category = 'PAYROLL'",
				Integer.class, ApiClientForTests.TESTETATEN);
		assertThat(seen).hasSize(expected);

		JsonNode closed = body(this.api.get("/api/v1/saker?status=CLOSED&limit=100", this.token));
		assertThat(closed.get("cases").size()).isPositive();
		closed.get("cases").forEach((c) -> assertThat(c.get("status").asString()).isEqualTo("CLOSED"));
		JsonNode future = body(this.api.get("/api/v1/saker?updatedSince=2999-01-01T00:00:00Z", this.token));
		assertThat(future.get("cases").size()).isZero();

		HttpResponse<String> badStatus = this.api.get("/api/v1/saker?status=DONE", this.token);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(body(badStatus).get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(this.api.get("/api/v1/saker?cursor=%21%21", this.token).statusCode()).isEqualTo(400);
	}

	@Test
	void aCaseReadsWithItsPublicMessagesAndNeverItsInternalNotes() throws Exception {
		Long withNote = this.jdbc.queryForObject("""
				select c.id from support_case c join organization o on o.id = c.organization_id
				where o.org_number = ? and exists (select 1 from message m where m.case_id = c.id and m.internal)
				limit 1""", Long.class, ApiClientForTests.TESTETATEN);
		HttpResponse<String> read = this.api.get("/api/v1/saker/" + withNote, this.token);
		assertThat(read.statusCode()).isEqualTo(200);
		Set<Long> shown = new HashSet<>();
		body(read).get("messages").forEach((m) -> shown.add(m.get("id").asLong()));
		List<Long> internal = this.jdbc.queryForList("select id from message where case_id = ? and internal",
				Long.class, withNote);
		List<Long> publicOnes = this.jdbc.queryForList("select id from message where case_id = ? and not internal",
				Long.class, withNote);
		assertThat(shown).containsExactlyInAnyOrderElementsOf(publicOnes).doesNotContainAnyElementsOf(internal);
		assertThat(read.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void anAgencyNeverReadsAnotherAgencysCase() throws Exception {
		Long theirs = this.jdbc.queryForObject("""
				select c.id from support_case c join organization o on o.id = c.organization_id
				where o.org_number = ? limit 1""", Long.class, ApiClientForTests.PROVEDIREKTORATET);
		HttpResponse<String> read = this.api.get("/api/v1/saker/" + theirs, this.token);
		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(read.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.api
			.postJson("/api/v1/saker/" + theirs + "/meldinger", this.token, "{\"message\": \"Hei\"}", "If-Match",
					"\"0\"")
			.statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/saker/999999999999", this.token).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/saker/" + theirs + "/vedlegg/" + UUID.randomUUID(), this.token).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aMessageNeedsTheCasesVersionAndShowsOnTheCasePage() throws Exception {
		long id = register(voucherCase("Melding"));
		String etag = this.api.get("/api/v1/saker/" + id, this.token).headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> without = this.api.postJson("/api/v1/saker/" + id + "/meldinger", this.token,
				"{\"message\": \"Uten versjon\"}");
		assertThat(without.statusCode()).isEqualTo(428);
		HttpResponse<String> posted = this.api.postJson("/api/v1/saker/" + id + "/meldinger", this.token,
				"{\"message\": \"Her er mer informasjon.\"}", "If-Match", etag);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		assertThat(posted.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		HttpResponse<String> stale = this.api.postJson("/api/v1/saker/" + id + "/meldinger", this.token,
				"{\"message\": \"For sent\"}", "If-Match", etag);
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(body(stale).get("title").asString()).isEqualTo("Saken er endret");

		CasePage page = this.pages.read(id, user("lise"));
		assertThat(page.messages()).extracting(CasePage.MessageView::body)
			.contains("Her er mer informasjon.")
			.doesNotContain("For sent", "Uten versjon");
	}

	@Test
	void filesGoThroughTheWebsChecksAndComeBackAsSent() throws Exception {
		long id = register(voucherCase("Vedlegg"));
		String etag = this.api.get("/api/v1/saker/" + id, this.token).headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> added = this.api.postMultipart("/api/v1/saker/" + id + "/vedlegg", this.token, Map.of(),
				"bilag.pdf", TestFiles.PDF, "If-Match", etag);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		String attachmentId = body(added).get(0).get("id").asString();
		HttpResponse<byte[]> download = this.api
			.sendForBytes(this.api.request("/api/v1/saker/" + id + "/vedlegg/" + attachmentId, this.token).GET());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(TestFiles.PDF);

		HttpResponse<String> refused = this.api.postMultipart("/api/v1/saker/" + id + "/vedlegg", this.token, Map.of(),
				"program.exe", TestFiles.EXE, "If-Match", etag);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("files");

		HttpResponse<String> withMessage = this.api.postMultipart("/api/v1/saker/" + id + "/meldinger", this.token,
				Map.of("message", "Se vedlagt bilag."), "bilag2.pdf", TestFiles.PDF, "If-Match", etag);
		assertThat(withMessage.statusCode()).as(withMessage.body()).isEqualTo(201);
		assertThat(body(withMessage).get("attachments").size()).isEqualTo(2);
	}

	@Test
	void everyCallOnACaseIsInTheAuditTrailWithTheClientId() throws Exception {
		long id = register(voucherCase("Revisjon"));
		this.api.get("/api/v1/saker/" + id, this.token);
		List<String> details = this.jdbc.queryForList(
				"select detail from audit_event where case_id = ? and action = 'API_CALL' order by id", String.class,
				id);
		assertThat(details).containsExactly("client=client-910000004 register", "client=client-910000004 read");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where case_id = ? and action = 'CASE_REGISTERED'", Integer.class, id))
			.isOne();
	}

	@Test
	void tokensThatAreNotRightAreRefusedWithAProblemDetail() throws Exception {
		String wrongIssuer = ApiClientForTests.token(MASKINPORTEN, "annen", ApiClientForTests.TESTETATEN,
				ApiClientForTests.SCOPE, ApiClientForTests.AUDIENCE, 3600);
		String wrongAudience = ApiClientForTests.token(MASKINPORTEN, ApiClientForTests.ISSUER,
				ApiClientForTests.TESTETATEN, ApiClientForTests.SCOPE, "https://annen.example", 3600);
		String expired = ApiClientForTests.token(MASKINPORTEN, ApiClientForTests.ISSUER, ApiClientForTests.TESTETATEN,
				ApiClientForTests.SCOPE, ApiClientForTests.AUDIENCE, -3600);
		String wrongScope = ApiClientForTests.token(MASKINPORTEN, ApiClientForTests.ISSUER,
				ApiClientForTests.TESTETATEN, "dfo:noe.annet", ApiClientForTests.AUDIENCE, 3600);
		String notEnabled = ApiClientForTests.token(MASKINPORTEN, ApiClientForTests.PROVEDIREKTORATET);
		assertProblem(this.api.get("/api/v1/saker", null), 401, "api.problem.unauthorized");
		assertProblem(this.api.get("/api/v1/saker", "ikke.et.token"), 401, "api.problem.unauthorized");
		assertProblem(this.api.get("/api/v1/saker", wrongIssuer), 401, "api.problem.unauthorized");
		assertProblem(this.api.get("/api/v1/saker", wrongAudience), 401, "api.problem.unauthorized");
		assertProblem(this.api.get("/api/v1/saker", expired), 401, "api.problem.unauthorized");
		assertProblem(this.api.get("/api/v1/saker", wrongScope), 403, "api.problem.scope");
		assertProblem(this.api.get("/api/v1/saker", notEnabled), 403, "api.problem.agencyNotEnabled");
		assertProblem(this.api.postJson("/api/v1/saker", notEnabled, voucherCase("Nei")), 403,
				"api.problem.agencyNotEnabled");
		HttpResponse<String> unauthorized = this.api.get("/api/v1/saker", expired);
		assertThat(unauthorized.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(unauthorized.headers().firstValue("Set-Cookie")).isEmpty();
	}

	private void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = body(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	@Test
	void invalidFieldsAreListedOneByOneInTheRequestsLanguage() throws Exception {
		String invalid = """
				{"category": "PAYROLL", "subject": "", "message": "%s",
				 "voucher": {"employeeNumber": "", "employeeName": "Kari", "payPeriod": "2026-13", "amount": "-5"}}"""
			.formatted("x".repeat(20_001));
		HttpResponse<String> nb = this.api.postJson("/api/v1/saker", this.token, invalid);
		assertThat(nb.statusCode()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		body(nb).get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("subject", "message", "voucher.employeeNumber",
				"voucher.payPeriod", "voucher.amount");
		assertThat(body(nb).get("title").asString()).isEqualTo("Ugyldig forespørsel");

		HttpResponse<String> en = this.api.send(this.api.request("/api/v1/saker", this.token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(invalid)));
		assertThat(body(en).get("title").asString()).isEqualTo("Bad request");
		assertThat(body(en).get("detail").asString()).isEqualTo("One or more fields are invalid. See errors.");
		HttpResponse<String> nn = this.api.send(this.api.request("/api/v1/saker", this.token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "nn")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(invalid)));
		assertThat(body(nn).get("title").asString()).isEqualTo("Ugyldig førespurnad");
	}

	@Test
	void hostileInputGetsA4xxProblemDetailAndNever500() throws Exception {
		HttpResponse<String> nul = this.api.postJson("/api/v1/saker", this.token,
				"{\"category\": \"ACCOUNTING\", \"subject\": \"\\u0000\\u0007\", \"message\": \"Hei\\u0000 du\"}");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(body(nul).get("errors").get(0).get("field").asString()).isEqualTo("subject");
		long cleaned = register(
				"{\"category\": \"ACCOUNTING\", \"subject\": \"Med\\u0000 NUL\", \"message\": \"Hei\\u0000 du\"}");
		assertThat(this.jdbc.queryForObject("select subject from support_case where id = ?", String.class, cleaned))
			.isEqualTo("Med NUL");

		assertProblemStatus(this.api.postJson("/api/v1/saker", this.token, "{\"category\": "), 400);
		assertProblemStatus(this.api.postJson("/api/v1/saker", this.token, "[1, 2, 3]"), 400);
		assertProblemStatus(this.api.postJson("/api/v1/saker", this.token, "{\"voucher\": \"ja\"}"), 400);
		assertProblemStatus(this.api.send(this.api.request("/api/v1/saker", this.token)
			.header("Content-Type", "text/plain")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("hei"))), 415);
		assertProblemStatus(
				this.api.postJson("/api/v1/saker", this.token, "{\"subject\": \"" + "x".repeat(2_000_000) + "\"}"),
				413);
		assertProblemStatus(
				this.api.send(this.api.request("/api/v1/saker/1/vedlegg", this.token)
					.header("Content-Type", "multipart/form-data; boundary=abc")
					.header("If-Match", "\"0\"")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-da"))),
				400);
		assertProblemStatus(this.api.postJson("/api/v1/saker", this.token, voucherCase("Nøkkel"), "Idempotency-Key",
				"med mellomrom"), 400);
		assertProblemStatus(this.api.get("/api/v1/finnes-ikke", this.token), 404);
	}

	private void assertProblemStatus(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(body(response).get("status").asInt()).isEqualTo(status);
	}

}
