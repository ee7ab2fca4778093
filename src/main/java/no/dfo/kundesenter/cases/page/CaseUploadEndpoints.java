package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.attachments.UploadEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case pages' forms that send files: the new-case form and its script's drafts, the
 * message form (customers' and caseworkers') and adding files to a case.
 */
@Configuration(proxyBeanMethods = false)
class CaseUploadEndpoints {

	@Bean
	UploadEndpoints casePageUploads() {
		return UploadEndpoints.of("/saker", "/saker/ny/vedlegg", "/saker/{id}/meldinger", "/saker/{id}/status",
				"/saker/{id}/vedlegg");
	}

}
