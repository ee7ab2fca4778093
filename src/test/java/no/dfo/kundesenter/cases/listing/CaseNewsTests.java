package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.listing.CaseListRow.Marks;
import no.dfo.kundesenter.cases.page.Assignments;
import no.dfo.kundesenter.cases.page.CasePage.MessageView;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What is new since a person last opened a case: the agency side's marks and the menu's
 * count, the queue's mark for the caseworker responsible, "Lest av kunden" on the
 * centre's answers; and a fagbruker's first page holding every case they may see.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseNewsTests {

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
	CaseListing listing;

	@Autowired
	CaseQueue queue;

	@Autowired
	CaseNews news;

	@Autowired
	CasePages pages;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private String token;

	/** Kari's payroll case, opened by her since it was registered. */
	private long karis;

	@BeforeEach
	void karisPayrollCaseSeenByHer() {
		this.token = ListPages.token();
		this.karis = open("kari", Category.PAYROLL);
		this.pages.open(this.karis, person("kari"));
	}

	@Test
	void theCentresAnswerIsMarkedInTheReportersListAndMenuUntilSheOpensTheCase() throws Exception {
		long before = this.news.count(person("kari"));
		assertThat(marks("kari", this.karis)).isEqualTo(Marks.NONE);

		reply(this.karis, "Svar til Kari");

		assertThat(marks("kari", this.karis)).isEqualTo(new Marks(true, false, false));
		assertThat(this.news.count(person("kari"))).isEqualTo(before + 1);
		String list = page("kari", "/saker?q=" + this.token);
		assertThat(row(list, this.karis)).contains("Nytt svar").doesNotContain("Ny status");
		assertThat(list).contains((before + 1) + " med nytt");

		this.pages.open(this.karis, person("kari"));

		assertThat(marks("kari", this.karis)).isEqualTo(Marks.NONE);
		assertThat(this.news.count(person("kari"))).isEqualTo(before);
		assertThat(row(page("kari", "/saker?q=" + this.token), this.karis)).doesNotContain("Nytt svar");
	}

	@Test
	void aFagbrukerHasHerOwnMarkOnTheSameCase() {
		this.pages.open(this.karis, person("lise"));
		reply(this.karis, "Svar til Kari");

		this.pages.open(this.karis, person("kari"));

		assertThat(marks("kari", this.karis)).isEqualTo(Marks.NONE);
		assertThat(marks("lise", this.karis)).isEqualTo(new Marks(true, false, false));
		this.pages.open(this.karis, person("lise"));
		assertThat(marks("lise", this.karis)).isEqualTo(Marks.NONE);
	}

	@Test
	void anInternalNoteIsNoNewsToTheAgencySide() {
		long before = this.news.count(person("kari"));
		this.conversation.respond(this.karis,
				new Response("Bare for oss", true, null, this.fixtures.version(this.karis)), person("siri"));

		assertThat(marks("kari", this.karis)).isEqualTo(Marks.NONE);
		assertThat(this.news.count(person("kari"))).isEqualTo(before);
	}

	@Test
	void aStatusChangeIsMarkedAsANewStatus() throws Exception {
		this.conversation.respond(this.karis,
				new Response(null, false, CaseStatus.IN_PROGRESS, this.fixtures.version(this.karis)), person("siri"));

		assertThat(marks("kari", this.karis)).isEqualTo(new Marks(false, true, false));
		assertThat(row(page("kari", "/saker?q=" + this.token), this.karis)).contains("Ny status")
			.doesNotContain("Nytt svar");
	}

	@Test
	void theCountIsTheNumberOfMarkedCasesTheViewerMaySee() {
		PortalUser kari = person("kari");
		PortalUser lise = person("lise");
		long answered = this.karis;
		long moved = open("kari", Category.PAYROLL);
		long noted = open("kari", Category.PAYROLL);
		long reopened = open("kari", Category.PAYROLL);
		long leaving = open("kari", Category.PAYROLL);
		List<Long> all = List.of(answered, moved, noted, reopened, leaving);
		all.forEach((id) -> {
			this.pages.open(id, kari);
			this.pages.open(id, lise);
		});
		long karisBefore = this.news.count(kari);
		long lisesBefore = this.news.count(lise);

		reply(answered, "Svar til Kari");
		this.conversation.respond(moved,
				new Response(null, false, CaseStatus.IN_PROGRESS, this.fixtures.version(moved)), person("siri"));
		this.conversation.respond(noted, new Response("Bare for oss", true, null, this.fixtures.version(noted)),
				person("siri"));
		reply(reopened, "Svar til Kari");
		this.pages.open(reopened, kari);
		this.pages.open(reopened, lise);
		reply(leaving, "Svar til Kari");
		// The case leaves lise's sight: no longer one of her agency's payroll cases.
		this.jdbc.update("update support_case set category = 'ACCOUNTING' where id = ?", leaving);

		assertThat(marked("kari", all)).containsExactlyInAnyOrder(answered, moved, leaving);
		assertThat(this.news.count(kari) - karisBefore).isEqualTo(3);
		assertThat(marked("lise", all)).containsExactlyInAnyOrder(answered, moved);
		assertThat(this.news.count(lise) - lisesBefore).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select case_id from case_opened where user_id = ? and news", Long.class,
				kari.id()))
			.contains(answered, moved, leaving)
			.doesNotContain(noted, reopened);
	}

	@Test
	void theQueueMarksACustomerMessageTheAssigneeHasNotOpened() throws Exception {
		PortalUser siri = person("siri");
		this.assignments.assign(this.karis, siri.id(), this.fixtures.version(this.karis), siri);
		this.pages.open(this.karis, siri);
		firstInSirisQueue();
		assertThat(queueMarks()).isEqualTo(Marks.NONE);

		this.conversation.postCustomerMessage(this.karis, "Noe nytt fra Kari", person("kari"));
		firstInSirisQueue();

		assertThat(queueMarks()).isEqualTo(new Marks(false, false, true));
		assertThat(row(page("siri", "/saksbehandling?visning=mine"), this.karis)).contains("Ny melding");
		this.pages.open(this.karis, siri);
		assertThat(queueMarks()).isEqualTo(Marks.NONE);
	}

	@Test
	void theCaseworkerSeesThatTheCustomerReadTheAnswerOnlyOnceSheHasOpenedTheCase() throws Exception {
		reply(this.karis, "Svar til Kari");

		assertThat(answer().readByCustomerAt()).isNull();
		assertThat(page("siri", "/saker/" + this.karis)).doesNotContain("Lest av kunden");

		this.pages.open(this.karis, person("kari"));

		assertThat(answer().readByCustomerAt()).isAfter(answer().createdAt());
		assertThat(page("siri", "/saker/" + this.karis)).contains("Lest av kunden");
		assertThat(this.pages.read(this.karis, person("kari")).messages()).extracting(MessageView::readByCustomerAt)
			.containsOnlyNulls();
	}

	private long open(String reporter, Category category) {
		PortalUser person = person(reporter);
		Case c = this.cases
			.saveAndFlush(Case.open(new NewCase(category, "Sak " + this.token, "Første melding", null), Channel.WEB,
					person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return c.getId();
	}

	private void reply(long caseId, String body) {
		this.conversation.respond(caseId, new Response(body, false, null, this.fixtures.version(caseId)),
				person("siri"));
	}

	private Marks marks(String username, long caseId) {
		CaseQuery query = new CaseQuery(CaseListScope.AGENCY, Set.of(), null, null, null, null, this.token,
				CaseSort.UPDATED, true, 0);
		List<CaseListRow> rows = this.listing.list(person(username), query).page().getContent();
		return rows.stream().filter((r) -> r.id() == caseId).findFirst().orElseThrow().marks();
	}

	/** Of the given cases, those the person's list marks as having news. */
	private List<Long> marked(String username, List<Long> ids) {
		CaseQuery query = new CaseQuery(CaseListScope.AGENCY, Set.of(), null, null, null, null, this.token,
				CaseSort.UPDATED, true, 0);
		return this.listing.list(person(username), query)
			.page()
			.getContent()
			.stream()
			.filter((r) -> ids.contains(r.id()) && !r.marks().equals(Marks.NONE))
			.map(CaseListRow::id)
			.toList();
	}

	/** Moves the case's wait, and siri's openings of it, back before every other case. */
	private void firstInSirisQueue() {
		this.jdbc.update("update support_case set last_customer_message_at = last_customer_message_at"
				+ " - interval '30 years' where id = ?", this.karis);
		this.jdbc.update("update case_opened set opened_at = opened_at - interval '30 years'"
				+ " where case_id = ? and user_id = ?", this.karis, person("siri").id());
	}

	private Marks queueMarks() {
		List<CaseListRow> rows = this.queue.page(person("siri"), CaseQueue.View.MINE, CaseQueue.Order.WAITING, 0)
			.getContent();
		return rows.stream().filter((r) -> r.id() == this.karis).findFirst().orElseThrow().marks();
	}

	private MessageView answer() {
		return this.pages.read(this.karis, person("siri"))
			.messages()
			.stream()
			.filter((m) -> m.body().equals("Svar til Kari"))
			.findFirst()
			.orElseThrow();
	}

	private PortalUser person(String username) {
		return this.fixtures.user(username);
	}

	private String page(String username, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String row(String html, long caseId) {
		int link = html.indexOf("href=\"/saker/" + caseId + "\"");
		assertThat(link).as("row of case %d", caseId).isPositive();
		return html.substring(html.lastIndexOf("<tr", link), html.indexOf("</tr>", link));
	}

}
