package no.dfo.kundesenter.cases.listing;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.Cookie;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The list and the queue as CSV: what the pages show, every page of it, for Norwegian
 * Excel, without message text, safe to open, and audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseExportTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	private String token;

	@BeforeEach
	void newToken() {
		this.token = ListPages.token();
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long open(String reporter, Category category, String subject, String message) {
		PortalUser person = this.fixtures.user(reporter);
		Case opened = this.cases.saveAndFlush(Case.open(new NewCase(category, subject, message, null), Channel.WEB,
				person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return opened.getId();
	}

	private MockHttpServletResponse download(String username, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(as(username))).andReturn().getResponse();
	}

	private static List<CSVRecord> records(MockHttpServletResponse response) throws Exception {
		String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CaseCsv.FORMAT.parse(new StringReader(text.substring(1))).getRecords();
	}

	private static List<Long> ids(List<CSVRecord> records) {
		return records.stream().skip(1).map((r) -> Long.valueOf(r.get(0))).toList();
	}

	@Test
	void theFileStartsWithTheByteOrderMarkUsesSemicolonsAndKeepsNorwegianLetters() throws Exception {
		long id = open("kari", Category.PAYROLL, "Særfradrag på lønnsslippen " + this.token, "Første melding");
		MockHttpServletResponse response = download("kari", get("/saker/eksport").param("q", this.token));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
			.contains("saker-" + LocalDate.now(this.clock) + ".csv");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(bytes).startsWith(BOM);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text.lines().toList().get(0))
			.isEqualTo("\uFEFFSaksnummer;Emne;Kategori;Status;Kanal;Virksomhet;Innmelder;Opprettet;Sist endret");
		assertThat(text).contains(
				id + ";Særfradrag på lønnsslippen " + this.token + ";Lønn;Aktiv;Nett;Testetaten;" + "Kari Nordmann;");
	}

	@Test
	void headersAndCodesFollowTheLanguage() throws Exception {
		open("kari", Category.PAYROLL, "Subject " + this.token, "Første melding");
		List<CSVRecord> records = records(
				download("kari", get("/saker/eksport").param("q", this.token).cookie(new Cookie("lang", "en"))));
		assertThat(records.get(0).get(0)).isEqualTo("Case number");
		assertThat(records.get(1).get(2)).isEqualTo("Payroll");
	}

	@Test
	void aSubjectThatLooksLikeAFormulaComesOutAsText() throws Exception {
		String formula = "=HYPERLINK(\"https://example.com/?" + this.token + "\";\"Klikk\")";
		open("kari", Category.PAYROLL, formula, "Første melding");
		open("kari", Category.PAYROLL, "@SUM(1+1) " + this.token, "Første melding");
		List<CSVRecord> records = records(download("kari", get("/saker/eksport").param("q", this.token)));
		assertThat(records).hasSize(3);
		assertThat(records.stream().skip(1).map((r) -> r.get(1))).containsExactlyInAnyOrder("'" + formula,
				"'@SUM(1+1) " + this.token);
	}

	@Test
	void cellsThatStartLikeAFormulaAreNeutralised() {
		for (String formula : List.of("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1")) {
			assertThat(CaseCsv.neutralised(formula)).isEqualTo("'" + formula);
		}
		assertThat(CaseCsv.neutralised("Lønn 1+1=2")).isEqualTo("Lønn 1+1=2");
		assertThat(CaseCsv.neutralised(null)).isEmpty();
	}

	@Test
	void karisExportHoldsExactlyHerCases() throws Exception {
		open("kari", Category.ACCOUNTING, "Regnskap " + this.token, "Første melding");
		PortalUser kari = this.fixtures.user("kari");
		List<Long> expected = this.jdbc.queryForList(
				"select id from support_case where reporter_id = ? order by updated_at desc, id desc", Long.class,
				kari.id());
		List<CSVRecord> records = records(download("kari", get("/saker/eksport")));
		assertThat(ids(records)).isNotEmpty().containsExactlyElementsOf(expected);
		assertThat(records.get(0).size()).isEqualTo(9);
	}

	@Test
	void lisesExportHoldsHerAgencysPayrollCasesAndNoMessageText() throws Exception {
		long karis = open("kari", Category.PAYROLL, "Trekk " + this.token, "Melding " + this.token + "melding");
		long siri = this.fixtures.user("siri").id();
		this.transactions.executeWithoutResult((tx) -> this.cases.findById(karis)
			.orElseThrow()
			.addInternalNote(siri, "Notat " + this.token + "notat", Instant.now().truncatedTo(ChronoUnit.MICROS)));
		PortalUser lise = this.fixtures.user("lise");
		List<Long> expected = this.jdbc.queryForList("""
				select id from support_case
				where reporter_id = ? or (organization_id = ? and category = 'PAYROLL')
				""", Long.class, lise.id(), lise.organizationId());
		MockHttpServletResponse response = download("lise", get("/saker/eksport").param("omfang", "virksomhet"));
		List<CSVRecord> records = records(response);
		assertThat(ids(records)).contains(karis).containsExactlyInAnyOrderElementsOf(expected);
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).doesNotContain(this.token + "notat").doesNotContain(this.token + "melding");
		assertThat(records.get(0).values()).doesNotContain("Saksbehandler");
	}

	@Test
	void theFiltersOfTheListAreHonoured() throws Exception {
		PortalUser lise = this.fixtures.user("lise");
		List<Long> expected = this.jdbc.queryForList("""
				select id from support_case
				where (reporter_id = ? or (organization_id = ? and category = 'PAYROLL'))
				  and status in ('CLOSED', 'POSTPONED') and channel = 'WEB'
				  and created_at >= '2020-01-01'::date::timestamptz
				order by created_at, id
				""", Long.class, lise.id(), lise.organizationId());
		List<CSVRecord> records = records(download("lise",
				get("/saker/eksport").param("omfang", "virksomhet")
					.param("status", "CLOSED", "POSTPONED")
					.param("kanal", "WEB")
					.param("fra", "2020-01-01")
					.param("sort", "opprettet")
					.param("side", "3")));
		assertThat(ids(records)).containsExactlyElementsOf(expected);
	}

	@Test
	void theQueueExportHoldsTheWholeViewInTheQueuesOrder() throws Exception {
		PortalUser per = this.fixtures.user("per");
		this.jdbc.update(
				"""
						insert into support_case (category, channel, status, subject, organization_id, reporter_id,
						                          created_at, updated_at, activity_at, last_customer_message_at)
						select 'PAYROLL', 'WEB', 'ACTIVE', ? || ' ' || g, ?, ?, now(), now(), now(), now() - g * interval '1 hour'
						from generate_series(1, ?) g
						""",
				this.token, per.organizationId(), per.id(), CaseListing.PAGE_SIZE + 5);
		try {
			queueExportHoldsTheWholeView();
		}
		finally {
			this.jdbc.update("delete from support_case where subject like ?", this.token + " %");
		}
	}

	private void queueExportHoldsTheWholeView() throws Exception {
		List<Long> expected = this.jdbc.queryForList("""
				select id from support_case where category = 'PAYROLL' and status <> 'CLOSED'
				order by last_customer_message_at, id
				""", Long.class);
		MockHttpServletResponse response = download("siri",
				get("/saksbehandling/eksport").param("visning", "alle").param("sortering", "ventetid"));
		assertThat(response.getHeader("Content-Disposition")).contains("saksbehandling-alle-");
		List<CSVRecord> records = records(response);
		assertThat(expected).hasSizeGreaterThan(CaseListing.PAGE_SIZE);
		assertThat(ids(records)).containsExactlyElementsOf(expected);
		assertThat(records.get(0).values()).contains("Saksbehandler");
	}

	@Test
	void peopleWhoMayNotSeeTheQueueGetWhatTheQueuePageGivesThem() throws Exception {
		for (String username : List.of("kari", "lise", "admin")) {
			int page = download(username, get("/saksbehandling")).getStatus();
			assertThat(page).isEqualTo(404);
			assertThat(download(username, get("/saksbehandling/eksport")).getStatus()).isEqualTo(page);
		}
		assertThat(this.mvc.perform(get("/saksbehandling/eksport")).andReturn().getResponse().getStatus()).isIn(302,
				401);
	}

	@Test
	void anExportIsAuditedWithItsFiltersAndRows() throws Exception {
		open("kari", Category.PAYROLL, "Revisjon " + this.token, "Første melding");
		PortalUser kari = this.fixtures.user("kari");
		Long before = this.jdbc.queryForObject(
				"select coalesce(max(id), 0) from audit_event where actor_id = ? and action = 'CASES_EXPORTED'",
				Long.class, kari.id());
		records(download("kari", get("/saker/eksport").param("q", this.token).param("kanal", "WEB")));
		List<String> details = this.jdbc.queryForList(
				"select detail from audit_event where actor_id = ? and action = 'CASES_EXPORTED' and id > ?",
				String.class, kari.id(), before);
		assertThat(details).singleElement()
			.satisfies((detail) -> assertThat(detail).contains("channel=WEB", "text=yes", "rows=1")
				.doesNotContain(this.token));
	}

	@Test
	void theListOffersTheExportWithItsFilters() throws Exception {
		String html = this.mvc
			.perform(get("/saker").param("omfang", "virksomhet").param("kanal", "WEB").with(as("lise")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("href=\"/saker/eksport?omfang=virksomhet&amp;kanal=WEB\"");
		String queue = this.mvc.perform(get("/saksbehandling").param("visning", "mine").with(as("siri")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(queue).contains("href=\"/saksbehandling/eksport?visning=mine\"");
	}

}
