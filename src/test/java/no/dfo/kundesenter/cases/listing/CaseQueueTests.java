package no.dfo.kundesenter.cases.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The caseworker's queue reads its rows as the case list does: names, agency and who is
 * responsible in one statement, the case that has waited longest first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseQueueTests {

	/** Before anything other tests write, so these cases head the queue. */
	private static final Instant LONG_AGO = Instant.parse("1970-01-02T08:00:00Z");

	@Autowired
	CaseQueue queue;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private final List<Long> opened = new ArrayList<>();

	private PortalUser siri;

	@BeforeEach
	void signIn() {
		this.siri = this.fixtures.user("siri");
	}

	@AfterEach
	void removeTheCases() {
		this.opened.forEach((id) -> this.jdbc.update("delete from support_case where id = ?", id));
	}

	private long waitingSince(String reporter, Instant since) {
		long id = this.fixtures.caseOf(reporter, Category.PAYROLL, CaseStatus.ACTIVE);
		this.opened.add(id);
		this.jdbc.update("update support_case set last_customer_message_at = ? where id = ?", Timestamp.from(since),
				id);
		return id;
	}

	@Test
	void rowsCarryTheAgencyTheReporterTheAssigneeAndSinceWhenTheCustomerWaits() {
		long pers = waitingSince("per", LONG_AGO);
		long karis = waitingSince("kari", LONG_AGO.plusSeconds(3600));
		this.jdbc.update("update support_case set assignee_id = ? where id = ?", this.siri.id(), karis);

		List<CaseListRow> first = this.queue.page(this.siri, CaseQueue.View.OPEN, CaseQueue.Order.WAITING, 0)
			.getContent()
			.subList(0, 2);

		assertThat(first).extracting(CaseListRow::id).containsExactly(pers, karis);
		assertThat(first).extracting(CaseListRow::organizationName).containsExactly("Prøvedirektoratet", "Testetaten");
		assertThat(first).extracting(CaseListRow::reporterName).containsExactly("Per Hansen", "Kari Nordmann");
		assertThat(first).extracting(CaseListRow::assigneeName).containsExactly(null, "Siri Saksbehandler");
		assertThat(first).extracting(CaseListRow::waitingSince).containsExactly(LONG_AGO, LONG_AGO.plusSeconds(3600));
	}

	@Test
	void viewsNarrowTheQueue() {
		long unassigned = waitingSince("per", LONG_AGO);
		long mine = waitingSince("kari", LONG_AGO);
		this.jdbc.update("update support_case set assignee_id = ? where id = ?", this.siri.id(), mine);

		assertThat(ids(this.queue.page(this.siri, CaseQueue.View.UNASSIGNED, CaseQueue.Order.WAITING, 0)))
			.contains(unassigned)
			.doesNotContain(mine);
		assertThat(ids(this.queue.page(this.siri, CaseQueue.View.MINE, CaseQueue.Order.WAITING, 0))).contains(mine)
			.doesNotContain(unassigned);
		assertThat(ids(this.queue.page(this.fixtures.user("sverre"), CaseQueue.View.OPEN, CaseQueue.Order.WAITING, 0)))
			.doesNotContain(unassigned, mine);
	}

	@Test
	void aPageBeyondTheLastGivesTheLastPage() {
		waitingSince("per", LONG_AGO);

		Page<CaseListRow> beyond = this.queue.page(this.siri, CaseQueue.View.OPEN, CaseQueue.Order.WAITING,
				Integer.MAX_VALUE);

		assertThat(beyond.getNumber()).isEqualTo(beyond.getTotalPages() - 1);
		assertThat(beyond.getContent()).isNotEmpty();
	}

	@Test
	void theQueuePagesWithTheListsPagerAndShowsHowLongACaseHasWaited() throws Exception {
		for (int i = 0; i <= CaseListing.PAGE_SIZE; i++) {
			waitingSince("per", LONG_AGO);
		}

		String html = this.mvc
			.perform(get("/saksbehandling").param("visning", "alle")
				.param("sortering", "ventetid")
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<span aria-current=\"page\" class=\"pagination__current\">1</span>")
			.contains("href=\"/saksbehandling?visning=alle&amp;sortering=ventetid&amp;side=2\" rel=\"next\"")
			.contains("<span class=\"status status--active\">Aktiv</span>")
			.containsPattern("<time datetime=\"1970-01-02T09:00:00\\+01:00\">02.01.1970 09:00</time>\\s*"
					+ "<span class=\"queue__waited\">\\([^)]+ d \\d{1,2} t\\)</span>");
	}

	private static List<Long> ids(Page<CaseListRow> page) {
		return page.getContent().stream().map(CaseListRow::id).toList();
	}

}
