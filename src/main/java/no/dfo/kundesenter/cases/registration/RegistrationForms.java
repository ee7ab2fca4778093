package no.dfo.kundesenter.cases.registration;

import no.dfo.kundesenter.web.RescuableForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registration forms, whose text is kept when they cannot be sent (a page too old for
 * its token, a session that ended), to be shown again on their page.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationForms {

	@Bean
	RescuableForm newCaseForm() {
		return new RescuableForm("/saker", "/saker/ny", "form", NewCaseForm.class);
	}

	@Bean
	RescuableForm phoneCaseForm() {
		return new RescuableForm("/saksbehandling/telefon", "/saksbehandling/telefon", "form", PhoneCaseForm.class);
	}

}
