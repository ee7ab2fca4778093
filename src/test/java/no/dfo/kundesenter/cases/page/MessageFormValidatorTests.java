package no.dfo.kundesenter.cases.page;

import java.util.List;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageFormValidatorTests {

	@Test
	void aCustomerMustWriteSomethingAndNoMoreThanAMessageHolds() {
		assertThat(customer(null)).containsExactly("body:conversation.body.required");
		assertThat(customer(" \n\t")).containsExactly("body:conversation.body.required");
		assertThat(customer("x".repeat(20_001))).containsExactly("body:conversation.body.tooLong");
		assertThat(customer("  " + "x".repeat(20_000) + "  ")).isEmpty();
	}

	@Test
	void aCaseworkerMayChangeTheStatusWithoutWriting() {
		assertThat(caseworker(form(null, MessageForm.PUBLIC, "CLOSED"), CaseStatus.ACTIVE)).isEmpty();
		assertThat(caseworker(form(null, MessageForm.PUBLIC, ""), CaseStatus.ACTIVE))
			.containsExactly("body:conversation.body.required");
	}

	@Test
	void postponingNeedsAPublicMessageSayingWhy() {
		assertThat(caseworker(form(null, MessageForm.PUBLIC, "POSTPONED"), CaseStatus.ACTIVE))
			.containsExactly("body:conversation.postponed.needsPublicMessage");
		assertThat(caseworker(form("Vi venter på A-meldingen", MessageForm.INTERNAL, "POSTPONED"), CaseStatus.ACTIVE))
			.containsExactly("body:conversation.postponed.needsPublicMessage");
		assertThat(caseworker(form("Vi venter på A-meldingen", MessageForm.PUBLIC, "POSTPONED"), CaseStatus.ACTIVE))
			.isEmpty();
	}

	@Test
	void onlyStatusesTheRulesAllowFromTheCurrentOneAreAccepted() {
		assertThat(caseworker(form("Svar", MessageForm.PUBLIC, "POSTPONED"), CaseStatus.CLOSED))
			.containsExactly("status:conversation.status.notAllowed");
		assertThat(caseworker(form("Svar", MessageForm.PUBLIC, "PAUSED"), CaseStatus.ACTIVE))
			.containsExactly("status:conversation.status.unknown");
		assertThat(caseworker(form("Svar", MessageForm.PUBLIC, "ACTIVE"), CaseStatus.ACTIVE)).isEmpty();
	}

	@Test
	void theVisibilityAndTheVersionMustBeSent() {
		assertThat(caseworker(form("Svar", "alle", ""), CaseStatus.ACTIVE))
			.containsExactly("visibility:conversation.visibility.required");
		MessageForm withoutVersion = new MessageForm("Svar", MessageForm.PUBLIC, "", "gammel", null, null);
		assertThat(caseworker(withoutVersion, CaseStatus.ACTIVE)).containsExactly("conversation.version.missing");
	}

	@Test
	void aCaseworkersFormBecomesTheResponseWithTheVersionItWasWrittenOn() {
		MessageForm form = new MessageForm("  Notat  ", MessageForm.INTERNAL, "IN_PROGRESS", " 7 ", null, null);
		assertThat(MessageFormValidator.toResponse(form))
			.isEqualTo(new Response("Notat", true, CaseStatus.IN_PROGRESS, 7));
		assertThat(MessageFormValidator.toResponse(form(" ", MessageForm.PUBLIC, "CLOSED")).body()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> MessageFormValidator
			.toResponse(new MessageForm("Svar", MessageForm.PUBLIC, "", null, null, null)));
	}

	@Test
	void insertingAFerdigtekstNeedsOneChosen() {
		Errors errors = errors(form(null, MessageForm.PUBLIC, ""));
		assertThat(MessageFormValidator
			.validateInsert(new MessageForm(null, MessageForm.PUBLIC, "", "3", "12", MessageForm.INSERT), errors))
			.isEqualTo(12L);
		assertThat(MessageFormValidator
			.validateInsert(new MessageForm(null, MessageForm.PUBLIC, "", "3", "", MessageForm.INSERT), errors))
			.isNull();
		assertThat(codes(errors)).containsExactly("cannedReply:conversation.cannedReply.required");
	}

	@Test
	void anInsertedFerdigtekstComesAfterWhatIsTypedWithABlankLine() {
		assertThat(form("Hei,\n\n", MessageForm.PUBLIC, "").insert("Mvh Siri").body()).isEqualTo("Hei,\n\nMvh Siri");
		assertThat(form("  ", MessageForm.PUBLIC, "").insert("Mvh Siri").body()).isEqualTo("Mvh Siri");
	}

	private static MessageForm form(@Nullable String body, String visibility, String status) {
		return new MessageForm(body, visibility, status, "3", null, null);
	}

	private static List<String> customer(@Nullable String body) {
		MessageForm form = form(body, MessageForm.PUBLIC, "");
		Errors errors = errors(form);
		MessageFormValidator.validateCustomer(form, errors);
		return codes(errors);
	}

	private static List<String> caseworker(MessageForm form, CaseStatus current) {
		Errors errors = errors(form);
		MessageFormValidator.validateCaseworker(form, current, errors);
		return codes(errors);
	}

	private static Errors errors(Object form) {
		return new DirectFieldBindingResult(form, "messageForm");
	}

	static List<String> codes(Errors errors) {
		return errors.getAllErrors()
			.stream()
			.map((e) -> (e instanceof FieldError f) ? f.getField() + ":" + e.getCode() : ((ObjectError) e).getCode())
			.toList();
	}

}
