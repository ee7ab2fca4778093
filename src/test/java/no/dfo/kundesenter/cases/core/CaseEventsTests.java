package no.dfo.kundesenter.cases.core;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAssigned;
import no.dfo.kundesenter.cases.CaseOpened;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.CaseStatusChanged;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.MessagePosted;
import no.dfo.kundesenter.cases.page.Assignments;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Posted;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import no.dfo.kundesenter.cases.registration.CaseRegistration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class CaseEventsTests {

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	Assignments assignments;

	@Autowired
	CaseRegistration registration;

	@Autowired
	ApplicationEvents events;

	@Test
	void aCustomerMessageOnAClosedCaseIsPostedAndReopensTheCase() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.CLOSED);
		PortalUser kari = this.fixtures.user("kari");
		Posted posted = this.conversation.postCustomerMessage(id, "Det er ikke ordnet likevel", kari);
		assertThat(this.events.stream(MessagePosted.class))
			.containsExactly(new MessagePosted(id, posted.messageId(), kari.id(), false, MessagePosted.Side.CUSTOMER));
		assertThat(this.events.stream(CaseStatusChanged.class))
			.containsExactly(new CaseStatusChanged(id, CaseStatus.CLOSED, CaseStatus.ACTIVE, kari.id()));
	}

	@Test
	void anInternalNoteIsPublishedAsInternalFromTheCentreWithoutAStatusChange() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		PortalUser siri = this.fixtures.user("siri");
		Posted posted = this.conversation.respond(id, new Response("Notat", true, null, this.fixtures.version(id)),
				siri);
		assertThat(this.events.stream(MessagePosted.class))
			.containsExactly(new MessagePosted(id, posted.messageId(), siri.id(), true, MessagePosted.Side.CENTRE));
		assertThat(this.events.stream(CaseStatusChanged.class)).isEmpty();
	}

	@Test
	void aReplyWithANewStatusPublishesBoth() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		PortalUser siri = this.fixtures.user("siri");
		this.conversation.respond(id,
				new Response("Utsatt til neste kjøring", false, CaseStatus.POSTPONED, this.fixtures.version(id)), siri);
		assertThat(this.events.stream(MessagePosted.class)).singleElement()
			.extracting(MessagePosted::isPublic)
			.isEqualTo(true);
		assertThat(this.events.stream(CaseStatusChanged.class))
			.containsExactly(new CaseStatusChanged(id, CaseStatus.IN_PROGRESS, CaseStatus.POSTPONED, siri.id()));
	}

	@Test
	void assigningAndUnassigningArePublished() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		PortalUser siri = this.fixtures.user("siri");
		this.assignments.assign(id, siri.id(), this.fixtures.version(id), siri);
		this.assignments.assign(id, null, this.fixtures.version(id), siri);
		assertThat(this.events.stream(CaseAssigned.class)).containsExactly(new CaseAssigned(id, siri.id(), siri.id()),
				new CaseAssigned(id, null, siri.id()));
	}

	@Test
	void aPhoneCaseIsOpenedForTheCustomerByTheCaseworker() {
		PortalUser siri = this.fixtures.user("siri");
		PortalUser ola = this.fixtures.user("ola");
		long id = this.registration.register(new NewCase(Category.PAYROLL, "Ringte om skattetrekk", "Notert", null),
				Channel.PHONE, ola.id(), siri);
		assertThat(this.events.stream(CaseOpened.class)).singleElement().satisfies((opened) -> {
			assertThat(opened.caseId()).isEqualTo(id);
			assertThat(opened.reporterId()).isEqualTo(ola.id());
			assertThat(opened.registeredBy()).isEqualTo(siri.id());
			assertThat(opened.organizationId()).isEqualTo(ola.organizationId());
			assertThat(opened.channel()).isEqualTo(Channel.PHONE);
		});
	}

}
