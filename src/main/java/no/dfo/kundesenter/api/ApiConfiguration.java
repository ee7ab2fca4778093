package no.dfo.kundesenter.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import no.dfo.kundesenter.attachments.UploadEndpoints;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	static final String BEARER = "maskinporten";

	/** Messages and files sent to a case as multipart, read by the upload gate. */
	@Bean
	UploadEndpoints apiUploads() {
		return UploadEndpoints.of("/api/v1/saker/{id}/meldinger", "/api/v1/saker/{id}/vedlegg");
	}

	@Bean
	FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(ApiProblems problems, ApiSettings settings) {
		FilterRegistrationBean<ApiErrorFilter> registration = new FilterRegistrationBean<>(
				new ApiErrorFilter(problems, settings.maxJsonSize().toBytes()));
		registration.addUrlPatterns("/api/*");
		// Outside Spring Security, so its answers and the upload gate's go through it.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	@Bean
	OpenAPI portalOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kundesenter på nett – API for virksomhetenes fagsystemer")
				.version("v1")
				.description("Register cases and payment vouchers, add messages and files, and follow status. "
						+ "Authenticate with a Maskinporten access token (Bearer) for the scope the centre gives."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
