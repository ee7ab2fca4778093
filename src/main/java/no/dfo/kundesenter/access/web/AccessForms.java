package no.dfo.kundesenter.access.web;

import no.dfo.kundesenter.web.RescuableForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Bestille tilgang": its text is kept when it cannot be sent, to be shown again.
 */
@Configuration(proxyBeanMethods = false)
class AccessForms {

	@Bean
	RescuableForm accessRequestForm() {
		return new RescuableForm("/tilgang", "/tilgang", "form", AccessRequestForm.class);
	}

}
