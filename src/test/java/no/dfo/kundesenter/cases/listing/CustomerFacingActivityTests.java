package no.dfo.kundesenter.cases.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.page.Assignments;
import no.dfo.kundesenter.cases.page.CasePage.MessageView;
import no.dfo.kundesenter.cases.page.CasePage.TimelineEntry;
import no.dfo.kundesenter.cases.page.CasePages;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static no.dfo.kundesenter.cases.listing.ListPages.caseIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Customers see only customer-facing activity (decision 0063): an internal note or an
 * assignment changes neither an agency user's list order nor the "Sist oppdatert" of
 * their list and case page; caseworkers see the last activity of any kind; a public reply
 * moves both. Who sees a case's internal notes is decided per category, everywhere.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerFacingActivityTests {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(ZoneId.of("Europe/Oslo"));

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	Assignments assignments;

	@Autowired
	CaseListing service;

	@Autowired
	CasePages pages;

	@Autowired
	CaseAccess access;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private String token;

	/** Kari's payroll case updated on 2 January 2020. */
	private long older;

	/** Kari's payroll case updated a day later. */
	private long newer;

	@BeforeEach
	void twoOfKarisCasesADayApart() {
		this.token = ListPages.token();
		this.older = open("kari", Category.PAYROLL, "2020-01-02T12:00:00+01");
		this.newer = open("kari", Category.PAYROLL, "2020-01-03T12:00:00+01");
	}

	@Test
	void anInternalNoteLeavesTheAgencyUsersLastUpdateAndOrderAsTheyWere() throws Exception {
		this.conversation.respond(this.older, new Response("Bare for oss", true, null, version(this.older)), siri());
		agencyUsersStillSeeTheSecondOfJanuary();
		caseworkersSeeTheLastActivity();
	}

	@Test
	void anAssignmentLeavesTheAgencyUsersLastUpdateAndOrderAsTheyWere() throws Exception {
		this.assignments.assign(this.older, siri().id(), version(this.older), siri());
		agencyUsersStillSeeTheSecondOfJanuary();
		caseworkersSeeTheLastActivity();
	}

	@Test
	void aPublicReplyMovesTheLastUpdateForAgencyUsersAndCaseworkers() throws Exception {
		this.conversation.respond(this.older, new Response("Svar til Kari", false, null, version(this.older)), siri());
		String now = SHOWN.format(lastActivity(this.older));
		for (String username : List.of("kari", "lise", "siri")) {
			String list = listPage(username);
			assertThat(caseIds(list)).as(username).containsExactly(this.older, this.newer);
			assertThat(updatedCell(list, this.older)).as(username).isEqualTo(now);
			assertThat(caseFieldUpdated(username, this.older)).as(username).isEqualTo(now);
		}
	}

	@Test
	void aCaseworkerWhoAlsoReportsSeesNoInternalNotesOfTheirOwnCaseInAnotherCategory() {
		long accounting = open("kari", Category.ACCOUNTING, "2020-01-01T18:00:00+01");
		PortalUser sverre = this.fixtures.user("sverre");
		String inTheNote = this.token.replace("zq", "zn");
		this.conversation.respond(accounting,
				new Response("Notat om regnskap " + inTheNote, true, null, version(accounting)), sverre);
		this.assignments.assign(accounting, sverre.id(), version(accounting), sverre);
		PortalUser kari = this.fixtures.user("kari");
		PortalUser payrollCaseworkerToo = new PortalUser(kari.id(), kari.username(), kari.fullName(),
				kari.organizationId(), kari.organizationName(), Set.of(Role.REPORTER, Role.PAYROLL_CASEWORKER));

		assertThat(this.pages.read(accounting, payrollCaseworkerToo).messages()).extracting(MessageView::internal)
			.containsOnly(false);
		assertThat(this.pages.read(accounting, payrollCaseworkerToo).updatedAt())
			.isEqualTo(Instant.parse("2020-01-01T17:00:00Z"));
		assertThat(this.pages.read(accounting, payrollCaseworkerToo).timeline())
			.noneMatch((e) -> e.internal() || e.kind() == TimelineEntry.Kind.ASSIGNMENT);
		assertThat(this.access.seesInternalNotes(accounting, payrollCaseworkerToo)).isFalse();
		assertThat(this.access.seesInternalNotes(this.older, payrollCaseworkerToo)).isTrue();
		assertThat(this.service.list(payrollCaseworkerToo, query(inTheNote)).page().getContent()).isEmpty();
		List<CaseListRow> found = this.service.list(payrollCaseworkerToo, query(this.token)).page().getContent();
		assertThat(found).extracting(CaseListRow::id).containsExactly(this.newer, this.older, accounting);
		assertThat(found.get(2).updatedAt()).isEqualTo(Instant.parse("2020-01-01T17:00:00Z"));
	}

	private void agencyUsersStillSeeTheSecondOfJanuary() throws Exception {
		for (String username : List.of("kari", "lise")) {
			String list = listPage(username);
			assertThat(caseIds(list)).as(username).containsExactly(this.newer, this.older);
			assertThat(updatedCell(list, this.older)).as(username).isEqualTo("02.01.2020 12:00");
			assertThat(caseFieldUpdated(username, this.older)).as(username).isEqualTo("02.01.2020 12:00");
		}
	}

	private void caseworkersSeeTheLastActivity() throws Exception {
		String now = SHOWN.format(lastActivity(this.older));
		assertThat(now).isNotEqualTo("02.01.2020 12:00");
		String list = listPage("siri");
		assertThat(caseIds(list)).containsExactly(this.older, this.newer);
		assertThat(updatedCell(list, this.older)).isEqualTo(now);
		assertThat(caseFieldUpdated("siri", this.older)).isEqualTo(now);
	}

	private long open(String reporter, Category category, String updated) {
		PortalUser person = this.fixtures.user(reporter);
		Case c = this.cases
			.saveAndFlush(Case.open(new NewCase(category, "Sak " + this.token, "Første melding", null), Channel.WEB,
					person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		this.jdbc.update("""
				update support_case set created_at = timestamptz '2020-01-01T12:00:00+01',
				    updated_at = ?::timestamptz, activity_at = ?::timestamptz where id = ?""", updated, updated,
				c.getId());
		return c.getId();
	}

	private static CaseQuery query(String text) {
		return new CaseQuery(CaseListScope.CENTRE, Set.of(), null, null, null, null, text, CaseSort.UPDATED, true, 0);
	}

	private PortalUser siri() {
		return this.fixtures.user("siri");
	}

	private long version(long caseId) {
		return this.fixtures.version(caseId);
	}

	private Instant lastActivity(long caseId) {
		return this.jdbc.queryForObject("select activity_at from support_case where id = ?", Timestamp.class, caseId)
			.toInstant();
	}

	private String listPage(String username) throws Exception {
		return this.mvc
			.perform(get("/saker").param("omfang", "virksomhet")
				.param("q", this.token)
				.with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String caseFieldUpdated(String username, long caseId) throws Exception {
		String html = this.mvc.perform(get("/saker/" + caseId).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return timeAfter(html, html.indexOf("Sist oppdatert</dt>"));
	}

	private static String updatedCell(String html, long caseId) {
		int row = html.indexOf("href=\"/saker/" + caseId + "\"");
		assertThat(row).isPositive();
		return timeAfter(html, html.indexOf("case-table__updated", row));
	}

	private static String timeAfter(String html, int from) {
		assertThat(from).isPositive();
		int start = html.indexOf('>', html.indexOf("<time", from)) + 1;
		return html.substring(start, html.indexOf("</time>", start));
	}

}
