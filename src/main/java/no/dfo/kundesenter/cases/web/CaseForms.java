package no.dfo.kundesenter.cases.web;

import no.dfo.kundesenter.web.RescuableForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case pages' forms whose text is kept when they cannot be sent (a page too old for
 * its token, a session that ended), to be shown again on their page.
 */
@Configuration(proxyBeanMethods = false)
class CaseForms {

	@Bean
	RescuableForm newCaseForm() {
		return new RescuableForm("/saker", "/saker/ny", "form", NewCaseForm.class);
	}

	@Bean
	RescuableForm messageForm() {
		return new RescuableForm("/saker/{id}/meldinger", "/saker/{id}", "messageForm", MessageForm.class);
	}

	@Bean
	RescuableForm statusForm() {
		return new RescuableForm("/saker/{id}/status", "/saker/{id}", "messageForm", MessageForm.class);
	}

	@Bean
	RescuableForm phoneCaseForm() {
		return new RescuableForm("/saksbehandling/telefon", "/saksbehandling/telefon", "form", PhoneCaseForm.class);
	}

	@Bean
	RescuableForm newCannedReplyForm() {
		return new RescuableForm("/saksbehandling/ferdigtekster", "/saksbehandling/ferdigtekster/ny", "form",
				CannedReplyForm.class);
	}

	@Bean
	RescuableForm cannedReplyForm() {
		return new RescuableForm("/saksbehandling/ferdigtekster/{id}", "/saksbehandling/ferdigtekster/{id}", "form",
				CannedReplyForm.class);
	}

}
