package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static no.dfo.kundesenter.cases.listing.ListPages.caseIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding cases on /saker: sorting, filters, scope, free-text search, looking a case up
 * by number, and parameters that cannot be used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseListSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** A word no other row contains, so each test finds only its own cases. */
	private String token;

	@BeforeEach
	void newToken() {
		this.token = ListPages.token();
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long open(String reporter, Category category, Channel channel, String subject, String message) {
		PortalUser person = this.fixtures.user(reporter);
		Case opened = this.cases.saveAndFlush(Case.open(new NewCase(category, subject, message, null), channel,
				person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return opened.getId();
	}

	private void set(long caseId, CaseStatus status, String created, String updated) {
		this.jdbc.update(
				"update support_case set status = ?, created_at = ?::timestamptz, updated_at = ?::timestamptz where id = ?",
				status.name(), created, updated, caseId);
	}

	private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Three payroll cases at Testetaten that differ in every column; Lise (fagbruker
	 * lønn) sees them all in the agency scope.
	 */
	private long[] threeAgencyCases() {
		long ola = open("ola", Category.PAYROLL, Channel.WEB, this.token + " alfa", "Første");
		long kari = open("kari", Category.PAYROLL, Channel.PHONE, this.token + " beta", "Første");
		long lise = open("lise", Category.PAYROLL, Channel.EMAIL, this.token + " gamma", "Første");
		set(ola, CaseStatus.ACTIVE, "2020-01-03T12:00:00+01", "2020-01-05T12:00:00+01");
		set(kari, CaseStatus.CLOSED, "2020-01-01T12:00:00+01", "2020-01-06T12:00:00+01");
		set(lise, CaseStatus.IN_PROGRESS, "2020-01-02T12:00:00+01", "2020-01-04T12:00:00+01");
		return new long[] { ola, kari, lise };
	}

	@ParameterizedTest
	@CsvSource({ "id, 0, 1, 2", "emne, 0, 1, 2", "status, 0, 1, 2", "kanal, 2, 0, 1", "innmelder, 1, 2, 0",
			"opprettet, 1, 2, 0", "oppdatert, 2, 0, 1" })
	void sortsByEachColumnBothWays(String column, int first, int second, int third) throws Exception {
		long[] created = threeAgencyCases();
		List<Long> ascending = List.of(created[first], created[second], created[third]);
		String asc = page("lise",
				get("/saker").param("omfang", "virksomhet").param("q", this.token).param("sort", column));
		assertThat(caseIds(asc)).containsExactlyElementsOf(ascending);
		String desc = page("lise",
				get("/saker").param("omfang", "virksomhet").param("q", this.token).param("sort", "-" + column));
		assertThat(caseIds(desc)).containsExactlyElementsOf(ascending.reversed());
		assertThat(desc).contains("aria-sort=\"descending\"");
	}

	@Test
	void sortsByCategoryInNorwegianOrderBothWays() throws Exception {
		long accounting = open("kari", Category.ACCOUNTING, Channel.WEB, this.token + " regnskap", "Første");
		long payroll = open("kari", Category.PAYROLL, Channel.WEB, this.token + " lønn", "Første");
		assertThat(caseIds(page("kari", get("/saker").param("q", this.token).param("sort", "kategori"))))
			.containsExactly(payroll, accounting);
		assertThat(caseIds(page("kari", get("/saker").param("q", this.token).param("sort", "-kategori"))))
			.containsExactly(accounting, payroll);
	}

	@Test
	void filtersCombineStatusesChannelAndDates() throws Exception {
		long[] c = threeAgencyCases();
		var base = get("/saker").param("omfang", "virksomhet").param("q", this.token);
		assertThat(caseIds(page("lise", base.param("status", "ACTIVE", "CLOSED")))).containsExactlyInAnyOrder(c[0],
				c[1]);
		assertThat(caseIds(page("lise",
				get("/saker").param("omfang", "virksomhet")
					.param("q", this.token)
					.param("status", "ACTIVE", "CLOSED")
					.param("kanal", "PHONE"))))
			.containsExactly(c[1]);
		assertThat(caseIds(page("lise",
				get("/saker").param("omfang", "virksomhet")
					.param("q", this.token)
					.param("fra", "2020-01-02")
					.param("til", "2020-01-03")
					.param("sort", "opprettet"))))
			.containsExactly(c[2], c[0]);
		assertThat(caseIds(page("lise",
				get("/saker").param("omfang", "virksomhet").param("q", this.token).param("kategori", "ACCOUNTING"))))
			.isEmpty();
	}

	@Test
	void quickFiltersAndLinksKeepEveryParameter() throws Exception {
		long[] c = threeAgencyCases();
		String html = page("lise",
				get("/saker").param("omfang", "virksomhet")
					.param("q", this.token)
					.param("kanal", "WEB")
					.param("sort", "-opprettet"));
		assertThat(html).contains("1 sak<");
		assertThat(html).contains("/saker?omfang=virksomhet&amp;q=" + this.token
				+ "&amp;status=ACTIVE&amp;status=IN_PROGRESS&amp;status=WAITING_FOR_CUSTOMER&amp;status=POSTPONED&amp;kanal=WEB&amp;sort=-opprettet");
		assertThat(html).contains("/saker?omfang=virksomhet&amp;q=" + this.token
				+ "&amp;status=CLOSED&amp;kanal=WEB&amp;sort=-opprettet");
		assertThat(caseIds(page("lise",
				get("/saker").param("omfang", "virksomhet")
					.param("q", this.token)
					.param("status", "ACTIVE", "IN_PROGRESS", "WAITING_FOR_CUSTOMER", "POSTPONED"))))
			.containsExactlyInAnyOrder(c[0], c[2]);
	}

	@Test
	void theScopeNarrowsToOwnCases() throws Exception {
		long[] c = threeAgencyCases();
		assertThat(caseIds(page("lise", get("/saker").param("omfang", "mine").param("q", this.token))))
			.containsExactly(c[2]);
		assertThat(caseIds(page("kari", get("/saker").param("omfang", "virksomhet").param("q", this.token))))
			.containsExactly(c[1]);
		assertThat(caseIds(page("rune", get("/saker").param("omfang", "virksomhet").param("q", this.token)))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort=passord", "sort=id;drop table support_case", "side=-1", "side=999999999",
			"side=99999999999999999999", "side=abc", "fra=2026-02-31", "til=31.12.2026", "fra=+99999-01-01",
			"status=FINNES_IKKE", "status=ACTIVE' or '1'='1", "kategori=1 or 1=1", "kanal=%00",
			"q=%27%3B%20drop%20table%20support_case%3B--", "q=%00%01", "omfang=alle", "storrelse=1000000" })
	void invalidParametersAreIgnoredWithoutFailing(String parameters) throws Exception {
		this.mvc.perform(get("/saker?" + parameters).with(as("lise")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("result-count")));
	}

	@Test
	void unusableParametersSayWhatWasIgnored() throws Exception {
		String html = page("kari",
				get("/saker?sort=passord&side=-1&fra=2026-13-01&status=FINNES_IKKE&q=" + "a".repeat(10_000)));
		assertThat(html).contains("Sakene kan ikke sorteres slik")
			.contains("Siden finnes ikke")
			.contains("En dato var ikke gyldig")
			.contains("En ukjent status")
			.contains("Søket var for langt");
		String farPage = page("kari", get("/saker").param("side", "999999"));
		assertThat(farPage).contains("Siden finnes ikke").contains("aria-current=\"page\"");
	}

	@Test
	void aCaseNumberTheViewerMaySeeOpensTheCase() throws Exception {
		long own = open("kari", Category.PAYROLL, Channel.WEB, this.token, "Første");
		this.mvc.perform(get("/saker").param("q", " " + own + " ").with(as("kari")))
			.andExpect(redirectedUrl("/saker/" + own));
	}

	@Test
	void someoneElsesCaseNumberIsAnOrdinarySearchThatFindsNothing() throws Exception {
		long karis = open("kari", Category.PAYROLL, Channel.WEB, this.token, "Første");
		this.mvc.perform(get("/saker").param("q", String.valueOf(karis)).with(as("per")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ingen saker passer")))
			.andExpect(content().string(not(containsString("/saker/" + karis + "\""))));
	}

	@Test
	void wordsAreFoundWithNorwegianStemming() throws Exception {
		long id = open("kari", Category.PAYROLL, Channel.WEB, "Spørsmål " + this.token,
				"Jeg har levert en sykemelding for april.");
		String html = page("kari", get("/saker").param("q", "sykemeldinger " + this.token));
		assertThat(caseIds(html)).containsExactly(id);
		assertThat(html).contains("<mark>sykemelding</mark>");
	}

	@Test
	void laterMessagesAreFoundToo() throws Exception {
		long id = open("kari", Category.PAYROLL, Channel.WEB, "Spørsmål om lønn", "Første melding");
		long kari = this.fixtures.user("kari").id();
		this.transactions.executeWithoutResult((tx) -> this.cases.findById(id)
			.orElseThrow()
			.addCustomerMessage(kari, "Glemte å nevne " + this.token, Instant.now().truncatedTo(ChronoUnit.MICROS)));
		assertThat(caseIds(page("kari", get("/saker").param("q", this.token)))).containsExactly(id);
	}

	@Test
	void partOfAWordInTheSubjectIsFound() throws Exception {
		long id = open("kari", Category.ACCOUNTING, Channel.WEB, "Refusjon" + this.token + "krav", "Første melding");
		assertThat(caseIds(page("kari", get("/saker").param("q", this.token.substring(2, 10))))).contains(id);
	}

	@Test
	void internalNotesAreFoundByCaseworkersOnly() throws Exception {
		long id = open("kari", Category.PAYROLL, Channel.WEB, "Spørsmål om trekk", "Første melding");
		long siriId = this.fixtures.user("siri").id();
		this.transactions.executeWithoutResult((tx) -> this.cases.findById(id)
			.orElseThrow()
			.addInternalNote(siriId, "Notat: " + this.token, Instant.now().truncatedTo(ChronoUnit.MICROS)));
		String siri = page("siri", get("/saker").param("q", this.token));
		assertThat(caseIds(siri)).containsExactly(id);
		assertThat(siri).contains("<mark>" + this.token + "</mark>");
		for (String agencySide : List.of("kari", "lise")) {
			String html = page(agencySide, get("/saker").param("omfang", "virksomhet").param("q", this.token));
			assertThat(caseIds(html)).doesNotContain(id);
			assertThat(html).doesNotContain(this.token + "</mark>");
		}
	}

	@Test
	void snippetsAreEscaped() throws Exception {
		open("kari", Category.PAYROLL, Channel.WEB, "Spørsmål om reise",
				"<script>alert('x')</script> <b>fet</b> reiseregning " + this.token + " & mer");
		String html = page("kari", get("/saker").param("q", this.token));
		assertThat(html).contains("<mark>" + this.token + "</mark>")
			.doesNotContain("<script>alert")
			.doesNotContain("<b>fet</b>");
	}

	/** Many cases of kari's with the token in the subject, straight in SQL. */
	private void kariCasesWithToken(int count) {
		PortalUser kari = this.fixtures.user("kari");
		this.jdbc.update("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				                          created_at, updated_at, activity_at)
				select 'PAYROLL', 'WEB', 'ACTIVE', ? || ' ' || g, ?, ?, now(), now(), now()
				from generate_series(1, ?) g
				""", this.token, kari.organizationId(), kari.id(), count);
	}

	@Test
	void aSearchThatFindsMoreCasesThanItCountsSaysSoAndPagesThroughTheFirstOnes() throws Exception {
		kariCasesWithToken(CaseListing.SEARCH_LIMIT + 3);
		try {
			String first = page("kari", get("/saker").param("q", this.token));
			assertThat(first).contains("Over " + CaseListing.SEARCH_LIMIT + " saker");
			assertThat(caseIds(first)).hasSize(CaseListing.PAGE_SIZE);
			int last = CaseListing.SEARCH_LIMIT / CaseListing.PAGE_SIZE;
			String lastPage = page("kari", get("/saker").param("q", this.token).param("side", String.valueOf(last)));
			assertThat(caseIds(lastPage)).hasSize(CaseListing.PAGE_SIZE).doesNotContainAnyElementsOf(caseIds(first));
			assertThat(lastPage).doesNotContain("Siden finnes ikke");
			String beyond = page("kari", get("/saker").param("q", this.token).param("side", String.valueOf(last + 1)));
			assertThat(beyond).contains("Siden finnes ikke");
			assertThat(caseIds(beyond)).isEqualTo(caseIds(lastPage));
		}
		finally {
			this.jdbc.update("delete from support_case where subject like ?", this.token + " %");
		}
	}

	@Test
	void aSearchThatFindsNoMoreThanItCountsShowsTheExactCount() throws Exception {
		kariCasesWithToken(CaseListing.SEARCH_LIMIT);
		try {
			String first = page("kari", get("/saker").param("q", this.token));
			assertThat(first).contains(CaseListing.SEARCH_LIMIT + " saker").doesNotContain("Over ");
		}
		finally {
			this.jdbc.update("delete from support_case where subject like ?", this.token + " %");
		}
	}

}
