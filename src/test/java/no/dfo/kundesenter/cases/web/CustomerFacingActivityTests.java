package no.dfo.kundesenter.cases.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.domain.Case;
import no.dfo.kundesenter.cases.domain.CaseFixtures;
import no.dfo.kundesenter.cases.domain.CaseListScope;
import no.dfo.kundesenter.cases.domain.CaseQuery;
import no.dfo.kundesenter.cases.domain.CaseRepository;
import no.dfo.kundesenter.cases.domain.CaseService;
import no.dfo.kundesenter.cases.domain.CaseSort;
import no.dfo.kundesenter.cases.domain.CaseViews.MessageView;
import no.dfo.kundesenter.cases.domain.CaseViews.TimelineEntry;
import no.dfo.kundesenter.cases.domain.CaseWork;
import no.dfo.kundesenter.cases.domain.CaseWorkspace;
import no.dfo.kundesenter.cases.domain.Conversation;
import no.dfo.kundesenter.cases.domain.Conversation.Response;
import no.dfo.kundesenter.cases.domain.NewCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers see only customer-facing activity. Who sees a case's internal notes is
 * decided per category, everywhere.
 */
@SpringBootTest
class CustomerFacingActivityTests {

	private static final Random RANDOM = new Random();

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	CaseWork work;

	@Autowired
	CaseService service;

	@Autowired
	CaseWorkspace workspace;

	@Autowired
	CaseAccess access;

	private String token;

	@BeforeEach
	void newToken() {
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		this.token = word.append('q').toString();
	}

	@Test
	void aCaseworkerWhoAlsoReportsSeesNoInternalNotesOfTheirOwnCaseInAnotherCategory() {
		long payroll = open("kari", Category.PAYROLL);
		long accounting = open("kari", Category.ACCOUNTING);
		PortalUser sverre = this.fixtures.user("sverre");
		String inTheNote = this.token.replace("zq", "zn");
		this.conversation.respond(accounting,
				new Response("Notat om regnskap " + inTheNote, true, null, this.fixtures.version(accounting)), sverre);
		this.work.assign(accounting, sverre.id(), this.fixtures.version(accounting), sverre);
		PortalUser kari = this.fixtures.user("kari");
		PortalUser payrollCaseworkerToo = new PortalUser(kari.id(), kari.username(), kari.fullName(),
				kari.organizationId(), kari.organizationName(), Set.of(Role.REPORTER, Role.PAYROLL_CASEWORKER));

		assertThat(this.service.detail(accounting, payrollCaseworkerToo).messages()).extracting(MessageView::internal)
			.containsOnly(false);
		assertThat(this.workspace.of(accounting, payrollCaseworkerToo).timeline())
			.noneMatch((e) -> e.internal() || e.kind() == TimelineEntry.Kind.ASSIGNMENT);
		assertThat(this.access.seesInternalNotes(accounting, payrollCaseworkerToo)).isFalse();
		assertThat(this.access.seesInternalNotes(payroll, payrollCaseworkerToo)).isTrue();
		assertThat(this.service.list(payrollCaseworkerToo, query(inTheNote)).page().getContent()).isEmpty();
	}

	private long open(String reporter, Category category) {
		PortalUser person = this.fixtures.user(reporter);
		Case c = this.cases
			.saveAndFlush(Case.open(new NewCase(category, "Sak " + this.token, "Første melding", null), Channel.WEB,
					person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return c.getId();
	}

	private static CaseQuery query(String text) {
		return new CaseQuery(CaseListScope.CENTRE, Set.of(), null, null, null, null, text, CaseSort.UPDATED, true, 0);
	}

}
