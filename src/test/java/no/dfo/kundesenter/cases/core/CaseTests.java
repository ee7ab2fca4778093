package no.dfo.kundesenter.cases.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static no.dfo.kundesenter.cases.CaseStatus.ACTIVE;
import static no.dfo.kundesenter.cases.CaseStatus.CLOSED;
import static no.dfo.kundesenter.cases.CaseStatus.IN_PROGRESS;
import static no.dfo.kundesenter.cases.CaseStatus.POSTPONED;
import static no.dfo.kundesenter.cases.CaseStatus.WAITING_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The rules the case aggregate guards by itself (DESIGN.md section 3), without Spring or
 * a database: status moves, Utsatt with its public message, a customer message reopening
 * a case, messages with text, assignments, and the voucher's amount.
 */
class CaseTests {

	private static final long ORGANIZATION = 7;

	private static final long REPORTER = 11;

	private static final long CASEWORKER = 21;

	private static final long OTHER_CASEWORKER = 22;

	private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");

	private static final Instant LATER = OPENED.plusSeconds(3600);

	private static final Instant LATEST = OPENED.plusSeconds(7200);

	/**
	 * What a caseworker may set (rows: from, columns: to, in {@link CaseStatus} order),
	 * written out rather than read from {@link CaseStatus#canTransitionTo}: staying is no
	 * move, and a closed case is only reopened (to Aktiv or Under arbeid).
	 */
	private static final String[] MOVES = {
			// ACTIVE IN_PROGRESS WAITING CLOSED POSTPONED
			"n     y     y     y     y", // ACTIVE
			"y     n     y     y     y", // IN_PROGRESS
			"y     y     n     y     y", // WAITING_FOR_CUSTOMER
			"y     y     n     n     n", // CLOSED
			"y     y     y     y     n", // POSTPONED
	};

	private static Case opened() {
		return Case.open(new NewCase(Category.PAYROLL, "Feil i lønn", "Lønnen var for lav.", null), Channel.WEB,
				ORGANIZATION, REPORTER, REPORTER, OPENED);
	}

	/** A case moved from Aktiv straight to the status, as a caseworker may. */
	private static Case in(CaseStatus status) {
		Case c = opened();
		if (status == POSTPONED) {
			c.changeStatus(status, CASEWORKER, c.reply(CASEWORKER, "Venter på neste lønnskjøring.", OPENED), OPENED);
		}
		else if (status != ACTIVE) {
			c.changeStatus(status, CASEWORKER, null, OPENED);
		}
		return c;
	}

	private static PaymentVoucher voucher(String amount) {
		return new PaymentVoucher("102001", "Ola Ansatt", "2026-02", new BigDecimal(amount), null);
	}

	@Test
	void aNewCaseStartsActiveWithItsFirstMessageAndOneLineOfHistory() {
		Case c = opened();
		assertThat(c.getStatus()).isEqualTo(ACTIVE);
		assertThat(c.getMessages()).singleElement().satisfies((m) -> {
			assertThat(m.getBody()).isEqualTo("Lønnen var for lav.");
			assertThat(m.isInternal()).isFalse();
			assertThat(m.getAuthorId()).isEqualTo(REPORTER);
			assertThat(m.getAuthorSide()).isEqualTo(AuthorSide.CUSTOMER);
			assertThat(m.getCreatedAt()).isEqualTo(OPENED);
		});
		assertThat(c.getStatusHistory()).singleElement().satisfies((s) -> {
			assertThat(s.getFromStatus()).isNull();
			assertThat(s.getToStatus()).isEqualTo(ACTIVE);
			assertThat(s.getChangedBy()).isEqualTo(REPORTER);
			assertThat(s.getChangedAt()).isEqualTo(OPENED);
			assertThat(s.isCausedByCustomerMessage()).isFalse();
		});
		assertThat(c.getAssigneeId()).isNull();
		assertThat(c.getAssignments()).isEmpty();
		assertThat(List.of(c.getCreatedAt(), c.getUpdatedAt(), c.getActivityAt(), c.getLastCustomerMessageAt()))
			.containsOnly(OPENED);
	}

	@ParameterizedTest
	@EnumSource(value = Channel.class, names = { "WEB", "EMAIL", "PHONE" })
	void aCaseRegisteredByTheCentreOnBehalfOfTheCustomerStartsActiveWithTheCentresMessage(Channel channel) {
		Case c = Case.open(new NewCase(Category.ACCOUNTING, "Faktura", "Ringte om faktura 55512.", null), channel,
				ORGANIZATION, REPORTER, CASEWORKER, OPENED);
		assertThat(c.getStatus()).isEqualTo(ACTIVE);
		assertThat(c.getChannel()).isEqualTo(channel);
		assertThat(c.getReporterId()).isEqualTo(REPORTER);
		assertThat(c.getMessages()).singleElement().satisfies((m) -> {
			assertThat(m.getAuthorId()).isEqualTo(CASEWORKER);
			assertThat(m.getAuthorSide()).isEqualTo(AuthorSide.CENTRE);
		});
		assertThat(c.getStatusHistory()).singleElement()
			.satisfies((s) -> assertThat(s.getChangedBy()).isEqualTo(CASEWORKER));
		// A call is the customer asking: the case waits from the moment it opens.
		assertThat(c.getLastCustomerMessageAt()).isEqualTo(OPENED);
	}

	@Test
	void aCaseAnAgencysSystemRegistersForAPersonStartsWithTheCustomersMessage() {
		long systemAccount = REPORTER + 1000;
		Case c = Case.open(new NewCase(Category.PAYROLL, "Bilag", "Fra lønnssystemet.", null), Channel.API,
				ORGANIZATION, REPORTER, systemAccount, OPENED);
		assertThat(c.getMessages()).singleElement().satisfies((m) -> {
			assertThat(m.getAuthorId()).isEqualTo(systemAccount);
			assertThat(m.getAuthorSide()).isEqualTo(AuthorSide.CUSTOMER);
		});
	}

	@Test
	void onlyAPayrollCaseCarriesAPaymentVoucher() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Case.open(new NewCase(Category.ACCOUNTING, "Bilag", "Tekst", voucher("100.00")),
					Channel.WEB, ORGANIZATION, REPORTER, REPORTER, OPENED));
		Case payroll = Case.open(new NewCase(Category.PAYROLL, "Bilag", "Tekst", voucher("100.00")), Channel.WEB,
				ORGANIZATION, REPORTER, REPORTER, OPENED);
		assertThat(payroll.getVoucher()).isNotNull();
		assertThat(payroll.getVoucher().getAmount()).isEqualByComparingTo("100");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1", "-0.01", "1.001", "12500.505" })
	void aVoucherAmountMustBePositiveWithAtMostTwoDecimals(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> voucher(amount));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.01", "1", "1.5", "12500.50" })
	void aPositiveVoucherAmountWithAtMostTwoDecimalsIsTaken(String amount) {
		assertThat(voucher(amount).getAmount()).isEqualByComparingTo(amount);
	}

	@Test
	void aVoucherNeedsItsEmployeeAndPayPeriod() {
		BigDecimal amount = new BigDecimal("10.00");
		assertThatNullPointerException().isThrownBy(() -> new PaymentVoucher(null, "Ola", "2026-02", amount, null));
		assertThatNullPointerException().isThrownBy(() -> new PaymentVoucher("1", null, "2026-02", amount, null));
		assertThatNullPointerException().isThrownBy(() -> new PaymentVoucher("1", "Ola", null, amount, null));
		assertThat(new PaymentVoucher("1", "Ola", "2026-02", amount, null).getNote()).isNull();
	}

	static Stream<Arguments> everyMove() {
		List<Arguments> moves = new ArrayList<>();
		for (CaseStatus from : CaseStatus.values()) {
			for (CaseStatus to : CaseStatus.values()) {
				moves.add(Arguments.of(from, to, MOVES[from.ordinal()].split("\\s+")[to.ordinal()].equals("y")));
			}
		}
		return moves.stream();
	}

	@ParameterizedTest(name = "{0} -> {1} allowed: {2}")
	@MethodSource("everyMove")
	void aCaseworkerMovesTheStatusOnlyAsTheTableAllows(CaseStatus from, CaseStatus to, boolean allowed) {
		Case c = in(from);
		// Utsatt says why; the message alone never decides whether a move is allowed.
		Message why = c.reply(CASEWORKER, "Begrunnelse.", LATER);
		int history = c.getStatusHistory().size();
		Instant updated = c.getUpdatedAt();
		Instant activity = c.getActivityAt();
		if (allowed) {
			c.changeStatus(to, OTHER_CASEWORKER, why, LATEST);
			assertThat(c.getStatus()).isEqualTo(to);
			assertThat(c.getStatusHistory()).hasSize(history + 1).last().satisfies((s) -> {
				assertThat(s.getFromStatus()).isEqualTo(from);
				assertThat(s.getToStatus()).isEqualTo(to);
				assertThat(s.getChangedBy()).isEqualTo(OTHER_CASEWORKER);
				assertThat(s.getChangedAt()).isEqualTo(LATEST);
				assertThat(s.isCausedByCustomerMessage()).isFalse();
			});
			assertThat(c.getUpdatedAt()).isEqualTo(LATEST);
			assertThat(c.getActivityAt()).isEqualTo(LATEST);
		}
		else {
			assertThatIllegalStateException().isThrownBy(() -> c.changeStatus(to, OTHER_CASEWORKER, why, LATEST));
			assertThat(c.getStatus()).isEqualTo(from);
			assertThat(c.getStatusHistory()).hasSize(history);
			assertThat(c.getUpdatedAt()).isEqualTo(updated);
			assertThat(c.getActivityAt()).isEqualTo(activity);
		}
	}

	// From Utsatt or Avsluttet, Utsatt is no move at all (the table above).
	@ParameterizedTest
	@EnumSource(value = CaseStatus.class, names = { "POSTPONED", "CLOSED" }, mode = EnumSource.Mode.EXCLUDE)
	void utsattWithoutAMessageIsRefused(CaseStatus from) {
		assertRefusedPostponing(in(from), from, (c) -> null);
	}

	// From Utsatt or Avsluttet, Utsatt is no move at all (the table above).
	@ParameterizedTest
	@EnumSource(value = CaseStatus.class, names = { "POSTPONED", "CLOSED" }, mode = EnumSource.Mode.EXCLUDE)
	void utsattWithOnlyAnInternalNoteIsRefused(CaseStatus from) {
		assertRefusedPostponing(in(from), from, (c) -> c.addInternalNote(CASEWORKER, "Bare for oss.", LATER));
	}

	@Test
	void utsattWithAPublicMessageOfAnotherCaseIsRefused() {
		Message elsewhere = opened().reply(CASEWORKER, "Utsatt til neste måned.", LATER);
		assertRefusedPostponing(in(ACTIVE), ACTIVE, (c) -> elsewhere);
	}

	private static void assertRefusedPostponing(Case c, CaseStatus from,
			java.util.function.Function<Case, Message> reason) {
		Message why = reason.apply(c);
		int history = c.getStatusHistory().size();
		assertThatIllegalStateException().isThrownBy(() -> c.changeStatus(POSTPONED, CASEWORKER, why, LATEST))
			.withMessageContaining("public message");
		assertThat(c.getStatus()).isEqualTo(from);
		assertThat(c.getStatusHistory()).hasSize(history);
	}

	@Test
	void utsattWithAPublicMessageOnTheCaseIsTaken() {
		Case c = in(IN_PROGRESS);
		c.changeStatus(POSTPONED, CASEWORKER, c.reply(CASEWORKER, "Fristen er passert.", LATER), LATER);
		assertThat(c.getStatus()).isEqualTo(POSTPONED);
		// The customer's own words say why as well as the caseworker's.
		Case asked = in(ACTIVE);
		asked.changeStatus(POSTPONED, CASEWORKER, asked.addCustomerMessage(REPORTER, "Vent til mai.", LATER), LATER);
		assertThat(asked.getStatus()).isEqualTo(POSTPONED);
	}

	@ParameterizedTest
	@EnumSource(value = CaseStatus.class, names = { "CLOSED", "WAITING_FOR_CUSTOMER" })
	void aCustomerMessageOnAClosedOrWaitingCaseMakesItActiveAndSaysWhy(CaseStatus from) {
		Case c = in(from);
		int history = c.getStatusHistory().size();
		Message message = c.addCustomerMessage(REPORTER, "Jeg har mer å legge til.", LATER);
		assertThat(c.getStatus()).isEqualTo(ACTIVE);
		assertThat(c.getStatusHistory()).hasSize(history + 1).last().satisfies((s) -> {
			assertThat(s.getFromStatus()).isEqualTo(from);
			assertThat(s.getToStatus()).isEqualTo(ACTIVE);
			assertThat(s.getChangedBy()).isEqualTo(REPORTER);
			assertThat(s.getChangedAt()).isEqualTo(LATER);
			assertThat(s.isCausedByCustomerMessage()).isTrue();
		});
		assertThat(c.getMessages()).last().isSameAs(message);
		assertThat(message.getAuthorSide()).isEqualTo(AuthorSide.CUSTOMER);
		assertThat(message.isInternal()).isFalse();
		assertThat(List.of(c.getUpdatedAt(), c.getActivityAt(), c.getLastCustomerMessageAt())).containsOnly(LATER);
	}

	@ParameterizedTest
	@EnumSource(value = CaseStatus.class, names = { "ACTIVE", "IN_PROGRESS", "POSTPONED" })
	void aCustomerMessageOnAnyOtherStatusChangesNoStatus(CaseStatus status) {
		Case c = in(status);
		int history = c.getStatusHistory().size();
		c.addCustomerMessage(REPORTER, "Et spørsmål til.", LATER);
		assertThat(c.getStatus()).isEqualTo(status);
		assertThat(c.getStatusHistory()).hasSize(history);
		assertThat(List.of(c.getUpdatedAt(), c.getActivityAt(), c.getLastCustomerMessageAt())).containsOnly(LATER);
	}

	@ParameterizedTest
	@EnumSource(CaseStatus.class)
	void aCaseworkersReplyChangesNoStatusAndIsSeenByTheCustomer(CaseStatus status) {
		Case c = in(status);
		int history = c.getStatusHistory().size();
		Message reply = c.reply(CASEWORKER, "Vi ser på saken.", LATER);
		assertThat(c.getStatus()).isEqualTo(status);
		assertThat(c.getStatusHistory()).hasSize(history);
		assertThat(reply.isInternal()).isFalse();
		assertThat(reply.getAuthorSide()).isEqualTo(AuthorSide.CENTRE);
		assertThat(c.getUpdatedAt()).isEqualTo(LATER);
		assertThat(c.getActivityAt()).isEqualTo(LATER);
		assertThat(c.getLastCustomerMessageAt()).as("the customer did not write").isEqualTo(OPENED);
	}

	@ParameterizedTest
	@EnumSource(CaseStatus.class)
	void anInternalNoteChangesNothingTheCustomerSees(CaseStatus status) {
		Case c = in(status);
		int history = c.getStatusHistory().size();
		Message note = c.addInternalNote(CASEWORKER, "Sjekket mot lønnssystemet.", LATER);
		assertThat(note.isInternal()).isTrue();
		assertThat(note.getAuthorSide()).isEqualTo(AuthorSide.CENTRE);
		assertThat(c.getStatus()).isEqualTo(status);
		assertThat(c.getStatusHistory()).hasSize(history);
		assertThat(c.getUpdatedAt()).isEqualTo(OPENED);
		assertThat(c.getActivityAt()).isEqualTo(LATER);
		assertThat(c.getLastCustomerMessageAt()).isEqualTo(OPENED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "   ", "\n", "\t \r\n" })
	void aMessageWithoutTextIsRefusedWhoeverWritesIt(String blank) {
		Case c = in(CLOSED);
		int messages = c.getMessages().size();
		assertThatIllegalArgumentException().isThrownBy(() -> c.addCustomerMessage(REPORTER, blank, LATER));
		assertThatIllegalArgumentException().isThrownBy(() -> c.reply(CASEWORKER, blank, LATER));
		assertThatIllegalArgumentException().isThrownBy(() -> c.addInternalNote(CASEWORKER, blank, LATER));
		assertThat(c.getMessages()).hasSize(messages);
		// A refused customer message reopens nothing.
		assertThat(c.getStatus()).isEqualTo(CLOSED);
		assertThat(List.of(c.getUpdatedAt(), c.getActivityAt(), c.getLastCustomerMessageAt())).containsOnly(OPENED);
	}

	@Test
	void anAssignmentIsKeptAsHistoryAndIsNoChangeTheCustomerSees() {
		Case c = opened();
		c.assign(CASEWORKER, CASEWORKER, LATER);
		c.assign(OTHER_CASEWORKER, CASEWORKER, LATEST);
		assertThat(c.getAssigneeId()).isEqualTo(OTHER_CASEWORKER);
		assertThat(c.getAssignments())
			.extracting(CaseAssignment::getAssigneeId, CaseAssignment::getAssignedBy, CaseAssignment::getAssignedAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(CASEWORKER, CASEWORKER, LATER),
					org.assertj.core.groups.Tuple.tuple(OTHER_CASEWORKER, CASEWORKER, LATEST));
		assertThat(c.getActivityAt()).isEqualTo(LATEST);
		assertThat(c.getUpdatedAt()).isEqualTo(OPENED);
		assertThat(c.getStatus()).isEqualTo(ACTIVE);
	}

	@Test
	void assigningTheCaseworkerAlreadyAssignedIsRefused() {
		Case c = opened();
		c.assign(CASEWORKER, CASEWORKER, LATER);
		assertThatIllegalStateException().isThrownBy(() -> c.assign(CASEWORKER, OTHER_CASEWORKER, LATEST));
		assertThat(c.getAssignments()).hasSize(1);
		assertThat(c.getActivityAt()).isEqualTo(LATER);
	}

	@Test
	void unassigningRemovesTheCaseworkerAndIsKeptAsHistory() {
		Case c = opened();
		c.assign(CASEWORKER, CASEWORKER, LATER);
		c.unassign(OTHER_CASEWORKER, LATEST);
		assertThat(c.getAssigneeId()).isNull();
		assertThat(c.getAssignments()).hasSize(2).last().satisfies((a) -> {
			assertThat(a.getAssigneeId()).isNull();
			assertThat(a.getAssignedBy()).isEqualTo(OTHER_CASEWORKER);
			assertThat(a.getAssignedAt()).isEqualTo(LATEST);
		});
		assertThat(c.getActivityAt()).isEqualTo(LATEST);
	}

	@Test
	void unassigningWhenNobodyIsAssignedIsRefused() {
		Case c = opened();
		assertThatIllegalStateException().isThrownBy(() -> c.unassign(CASEWORKER, LATER));
		assertThatIllegalStateException().isThrownBy(() -> c.assign(null, CASEWORKER, LATER));
		assertThat(c.getAssignments()).isEmpty();
		assertThat(c.getActivityAt()).isEqualTo(OPENED);
	}

	@Test
	void theConversationAndHistoriesChangeOnlyThroughTheCase() {
		Case c = in(IN_PROGRESS);
		c.assign(CASEWORKER, CASEWORKER, LATER);
		Message stray = opened().getMessages().get(0);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> c.getMessages().add(stray));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> c.getStatusHistory().remove(0));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> c.getAssignments().clear());
		assertThat(c.getMessages()).hasSize(1);
		assertThat(c.getStatusHistory()).hasSize(2);
		assertThat(c.getAssignments()).hasSize(1);
	}

}
