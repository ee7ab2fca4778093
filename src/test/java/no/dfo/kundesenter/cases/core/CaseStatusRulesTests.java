package no.dfo.kundesenter.cases.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.page.Assignments;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static no.dfo.kundesenter.cases.CaseStatus.ACTIVE;
import static no.dfo.kundesenter.cases.CaseStatus.CLOSED;
import static no.dfo.kundesenter.cases.CaseStatus.IN_PROGRESS;
import static no.dfo.kundesenter.cases.CaseStatus.POSTPONED;
import static no.dfo.kundesenter.cases.CaseStatus.WAITING_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md section 3 as a table: every status × every kind of person × every action on a
 * payroll case reported by kari, through the services the pages use.
 */
@SpringBootTest
class CaseStatusRulesTests {

	/**
	 * Who acts: the reporter, a fagbruker of the agency, the category's caseworker, the
	 * other category's caseworker, an administrator.
	 */
	static final List<String> ACTORS = List.of("kari", "lise", "siri", "sverre", "admin");

	/**
	 * What a caseworker may set (rows: from, columns: to, in {@link CaseStatus} order).
	 * "=" keeps the status (the message is posted, nothing else changes).
	 */
	static final String[] TRANSITIONS = {
			// ACTIVE IN_PROGRESS WAITING CLOSED POSTPONED
			"=     y     y     y     y", // ACTIVE
			"y     =     y     y     y", // IN_PROGRESS
			"y     y     =     y     y", // WAITING_FOR_CUSTOMER
			"y     y     n     =     n", // CLOSED
			"y     y     y     y     =", // POSTPONED
	};

	/** Where a customer message takes a case. */
	static final Map<CaseStatus, CaseStatus> AFTER_CUSTOMER_MESSAGE = new EnumMap<>(Map.of(ACTIVE, ACTIVE, IN_PROGRESS,
			IN_PROGRESS, WAITING_FOR_CUSTOMER, ACTIVE, CLOSED, ACTIVE, POSTPONED, POSTPONED));

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	Assignments assignments;

	sealed interface Outcome permits Done, NotFound, Refused {

	}

	record Done(CaseStatus status) implements Outcome {

		@Override
		public String toString() {
			return "done, now " + this.status;
		}

	}

	record NotFound() implements Outcome {

		@Override
		public String toString() {
			return "404";
		}

	}

	record Refused() implements Outcome {

		@Override
		public String toString() {
			return "refused";
		}

	}

	enum Action {

		CUSTOMER_MESSAGE, PUBLIC_REPLY, INTERNAL_NOTE, SET_ACTIVE, SET_IN_PROGRESS, SET_WAITING_FOR_CUSTOMER,
		SET_CLOSED, SET_POSTPONED, POSTPONE_WITH_INTERNAL_NOTE_ONLY, POSTPONE_WITHOUT_MESSAGE, ASSIGN_SELF,
		ASSIGN_OTHER_CATEGORY_CASEWORKER, UNASSIGN_WHEN_NOBODY

	}

	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		for (CaseStatus status : CaseStatus.values()) {
			for (String actor : ACTORS) {
				for (Action action : Action.values()) {
					rows.add(Arguments.of(status, actor, action, expected(status, actor, action)));
				}
			}
		}
		return rows.stream();
	}

	static Outcome expected(CaseStatus status, String actor, Action action) {
		boolean customer = actor.equals("kari") || actor.equals("lise");
		boolean caseworker = actor.equals("siri");
		if (action == Action.CUSTOMER_MESSAGE) {
			return customer ? new Done(AFTER_CUSTOMER_MESSAGE.get(status)) : new NotFound();
		}
		if (!caseworker) {
			return new NotFound();
		}
		return switch (action) {
			case PUBLIC_REPLY, INTERNAL_NOTE, ASSIGN_SELF -> new Done(status);
			case SET_ACTIVE -> transition(status, ACTIVE);
			case SET_IN_PROGRESS -> transition(status, IN_PROGRESS);
			case SET_WAITING_FOR_CUSTOMER -> transition(status, WAITING_FOR_CUSTOMER);
			case SET_CLOSED -> transition(status, CLOSED);
			case SET_POSTPONED -> transition(status, POSTPONED);
			// Utsatt needs a public message saying why; on an Utsatt case a note is just
			// a note.
			case POSTPONE_WITH_INTERNAL_NOTE_ONLY -> (status == POSTPONED) ? new Done(POSTPONED) : new Refused();
			// Nothing to say and nothing to change is refused too.
			case POSTPONE_WITHOUT_MESSAGE, ASSIGN_OTHER_CATEGORY_CASEWORKER, UNASSIGN_WHEN_NOBODY -> new Refused();
			case CUSTOMER_MESSAGE -> throw new AssertionError();
		};
	}

	static Outcome transition(CaseStatus from, CaseStatus to) {
		String cell = TRANSITIONS[from.ordinal()].split("\\s+")[to.ordinal()];
		return switch (cell) {
			case "y", "=" -> new Done(to);
			default -> new Refused();
		};
	}

	@ParameterizedTest(name = "{0}: {1} {2} -> {3}")
	@MethodSource("table")
	void statusRules(CaseStatus status, String actor, Action action, Outcome expected) {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, status);
		PortalUser person = this.fixtures.user(actor);
		int messagesBefore = this.fixtures.messages(id);
		Outcome actual;
		try {
			perform(id, person, action);
			actual = new Done(this.fixtures.status(id));
		}
		catch (CaseNotFoundException ex) {
			actual = new NotFound();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			actual = new Refused();
		}
		assertThat(actual).isEqualTo(expected);
		if (!(actual instanceof Done)) {
			assertThat(this.fixtures.status(id)).as("status unchanged").isEqualTo(status);
			assertThat(this.fixtures.messages(id)).as("no message added").isEqualTo(messagesBefore);
		}
	}

	private void perform(long id, PortalUser person, Action action) {
		long version = this.fixtures.version(id);
		switch (action) {
			case CUSTOMER_MESSAGE -> this.conversation.postCustomerMessage(id, "Fra kunden", person);
			case PUBLIC_REPLY -> this.conversation.respond(id, new Response("Svar", false, null, version), person);
			case INTERNAL_NOTE -> this.conversation.respond(id, new Response("Notat", true, null, version), person);
			case SET_ACTIVE, SET_IN_PROGRESS, SET_WAITING_FOR_CUSTOMER, SET_CLOSED, SET_POSTPONED ->
				this.conversation.respond(id, new Response("Svar med ny status", false,
						CaseStatus.valueOf(action.name().substring(4)), version), person);
			case POSTPONE_WITH_INTERNAL_NOTE_ONLY ->
				this.conversation.respond(id, new Response("Bare internt", true, POSTPONED, version), person);
			case POSTPONE_WITHOUT_MESSAGE ->
				this.conversation.respond(id, new Response(null, false, POSTPONED, version), person);
			case ASSIGN_SELF -> this.assignments.assign(id, person.id(), version, person);
			case ASSIGN_OTHER_CATEGORY_CASEWORKER ->
				this.assignments.assign(id, this.fixtures.user("sverre").id(), version, person);
			case UNASSIGN_WHEN_NOBODY -> this.assignments.assign(id, null, version, person);
		}
	}

}
