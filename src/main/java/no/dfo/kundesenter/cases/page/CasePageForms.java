package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.web.RescuableForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case page's message form, whose text is kept when it cannot be sent (a page too old
 * for its token, a session that ended), to be shown again on the page.
 */
@Configuration(proxyBeanMethods = false)
class CasePageForms {

	@Bean
	RescuableForm messageForm() {
		return new RescuableForm("/saker/{id}/meldinger", "/saker/{id}", "messageForm", MessageForm.class);
	}

	@Bean
	RescuableForm statusForm() {
		return new RescuableForm("/saker/{id}/status", "/saker/{id}", "messageForm", MessageForm.class);
	}

}
