package no.dfo.kundesenter.casework;

import no.dfo.kundesenter.web.RescuableForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ferdigtekst forms, whose text is kept when they cannot be sent (a page too old for
 * its token, a session that ended), to be shown again on their page.
 */
@Configuration(proxyBeanMethods = false)
class CannedReplyForms {

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
