package no.dfo.kundesenter.cases.targets;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.ServiceTargetShares;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.registration.CaseRegistration;
import org.junit.jupiter.api.AfterEach;
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
 * Due times follow a case through the portal: set when it is registered, gone while it
 * waits for the customer, back when the customer writes; shown in the queue (overdue
 * first) and to the caseworker on the case page, counted once the case is closed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceTargetLifecycleTests {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	@Autowired
	CaseRegistration registration;

	@Autowired
	Conversation conversation;

	@Autowired
	ServiceTargets targets;

	@Autowired
	ServiceTargetShares shares;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private final List<Long> opened = new ArrayList<>();

	private PortalUser kari;

	private PortalUser siri;

	@BeforeEach
	void people() {
		this.kari = this.fixtures.user("kari");
		this.siri = this.fixtures.user("siri");
	}

	@AfterEach
	void removeTheCases() {
		this.opened.forEach((id) -> this.jdbc.update("delete from support_case where id = ?", id));
	}

	private long register() {
		long id = this.registration.register(new NewCase(Category.PAYROLL, "Frist", "Når kommer lønna?", null),
				Channel.WEB, this.kari.id(), this.kari);
		this.opened.add(id);
		return id;
	}

	private Instant column(String name, long id) {
		Timestamp at = this.jdbc.queryForObject("select " + name + " from support_case where id = ?", Timestamp.class,
				id);
		return (at != null) ? at.toInstant() : null;
	}

	private Conversation.Response reply(String body, CaseStatus status, long id) {
		return new Conversation.Response(body, false, status, this.fixtures.version(id));
	}

	private String page(String path, String username) throws Exception {
		return page(path, username, "nb");
	}

	/** In a language by its cookie: a {@code ?lang=} would be kept on the person. */
	private String page(String path, String username, String language) throws Exception {
		return this.mvc
			.perform(get(path).cookie(new Cookie("lang", language)).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aNewCaseIsDueFirstForItsFirstAnswerInSixteenWorkingHours() {
		long id = register();

		Instant created = column("created_at", id);
		assertThat(column("first_answer_due", id))
			.isEqualTo(this.targets.workingTime().plus(created, Duration.ofHours(16)));
		assertThat(column("next_due", id)).isEqualTo(column("first_answer_due", id));
		assertThat(column("resolution_due", id)).isAfter(column("first_answer_due", id));
	}

	@Test
	void theClockStandsStillWhileTheCaseWaitsForTheCustomerAndRunsAgainWhenTheyWrite() {
		long id = register();

		this.conversation.respond(id, reply("Hvilken måned gjelder det?", CaseStatus.WAITING_FOR_CUSTOMER, id),
				this.siri);
		assertThat(column("first_answered_at", id)).isNotNull();
		assertThat(column("next_due", id)).isNull();
		assertThat(column("resolution_due", id)).isNull();

		this.conversation.postCustomerMessage(id, "November.", this.kari);
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.ACTIVE);
		assertThat(column("next_due", id)).isNotNull().isEqualTo(column("resolution_due", id));
	}

	@Test
	void theQueueShowsTimeLeftAndOverdueAndPutsOverdueCasesFirst() throws Exception {
		long overdue = register();
		long later = register();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Instant inTwoAndAHalfHours = this.targets.workingTime()
			.plus(now.plus(Duration.ofMinutes(1)), Duration.ofMinutes(150));
		this.jdbc.update("update support_case set assignee_id = ?, next_due = ? where id = ?", this.siri.id(),
				Timestamp.from(Instant.parse("1970-01-05T07:00:00Z")), overdue);
		this.jdbc.update("update support_case set assignee_id = ?, next_due = ? where id = ?", this.siri.id(),
				Timestamp.from(inTwoAndAHalfHours), later);

		String html = page("/saksbehandling?visning=mine", "siri");

		assertThat(html).contains("Frist først").contains("Lengst ventet først");
		Matcher rows = Pattern.compile("href=\"/saker/(\\d+)\">\\1</a>").matcher(html);
		List<Long> order = new ArrayList<>();
		while (rows.find()) {
			order.add(Long.parseLong(rows.group(1)));
		}
		assertThat(order).containsSubsequence(overdue, later);
		assertThat(order.get(0)).isEqualTo(overdue);
		assertThat(html).containsPattern("queue__due--overdue\">Forfalt med \\d+ d \\d+ t</span>")
			.contains(">2 t 30 min igjen</span>")
			.contains("<time datetime=\"" + ISO.format(inTwoAndAHalfHours.atZone(this.targets.workingTime().zone()))
					+ "\"");
	}

	@Test
	void theQueueSaysPausedForACaseWaitingForTheCustomerInEveryLanguage() throws Exception {
		long id = register();
		this.conversation.respond(id, reply("Hvilken måned?", CaseStatus.WAITING_FOR_CUSTOMER, id), this.siri);

		assertThat(page("/saksbehandling?visning=venter", "siri")).contains(">Pauset</span>")
			.doesNotContain("Frist først");
		assertThat(page("/saksbehandling?visning=venter", "siri", "nn")).contains(">Pausa</span>");
		assertThat(page("/saksbehandling?visning=venter", "siri", "en")).contains(">Paused</span>");
	}

	@Test
	void theCaseworkersCasePageShowsTheTargetsAndWhenTheyAreDueAndTheCustomersDoesNot() throws Exception {
		long id = register();
		String due = ISO.format(column("first_answer_due", id).atZone(this.targets.workingTime().zone()));

		assertThat(page("/saker/" + id, "siri")).contains("Tjenestenivå")
			.contains("Første svar innen 16 arbeidstimer")
			.contains("Løst innen 5 arbeidsdager")
			.contains("<time datetime=\"" + due + "\"");
		assertThat(page("/saker/" + id, "kari")).doesNotContain("Tjenestenivå").doesNotContain("arbeidstimer");
	}

	@Test
	void aCaseClosedInTimeCountsAsWithinTarget() {
		Instant from = Instant.now().minusSeconds(60);
		ServiceTargetShares.Share before = this.shares.closed(Category.PAYROLL, from, from.plusSeconds(3600));
		long id = register();

		this.conversation.respond(id, reply("Lønna kommer fredag.", CaseStatus.CLOSED, id), this.siri);

		ServiceTargetShares.Share after = this.shares.closed(Category.PAYROLL, from, from.plusSeconds(3600));
		assertThat(after.met()).isEqualTo(before.met() + 1);
		assertThat(after.missed()).isEqualTo(before.missed());
		assertThat(this.shares.closed(Category.ACCOUNTING, from, from.plusSeconds(3600)).total()).isZero();
	}

	@Test
	void aCaseClosedLateCountsAsMissed() {
		Instant from = Instant.now().minusSeconds(60);
		ServiceTargetShares.Share before = this.shares.closed(Category.PAYROLL, from, from.plusSeconds(3600));
		long id = register();
		this.jdbc.update("update status_change set changed_at = changed_at - interval '30 days' where case_id = ?", id);

		this.conversation.respond(id, reply("Beklager ventetiden.", CaseStatus.CLOSED, id), this.siri);

		ServiceTargetShares.Share after = this.shares.closed(Category.PAYROLL, from, from.plusSeconds(3600));
		assertThat(after.missed()).isEqualTo(before.missed() + 1);
	}

}
