package no.dfo.kundesenter.api;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is generated from the code, open to all, and describes exactly the
 * API's endpoints.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDocumentTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theOpenApiDocumentIsValidAndMatchesTheEndpoints() throws Exception {
		HttpResponse<String> response = new ApiClientForTests(this.port).get("/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = this.json.readTree(response.body());
		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.get("info").get("title").asString()).isNotBlank();
		assertThat(document.get("info").get("version").asString()).isEqualTo("v1");
		assertThat(document.get("components").get("securitySchemes").get("maskinporten").get("scheme").asString())
			.isEqualTo("bearer");

		Set<String> documented = new HashSet<>();
		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			assertThat(operation.getValue().get("responses")).as("responses of %s", path.getKey()).isNotNull();
			assertThat(operation.getValue().get("operationId")).isNotNull();
		}));
		Set<String> mapped = new HashSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType() == CaseApiController.class) {
				for (String pattern : info.getPatternValues()) {
					String path = pattern.replace(":\\d{1,18}", "");
					info.getMethodsCondition().getMethods().forEach((m) -> mapped.add(m.name() + " " + path));
				}
			}
		});
		assertThat(documented).isEqualTo(mapped)
			.contains("POST /api/v1/saker", "GET /api/v1/saker", "GET /api/v1/saker/{id}",
					"POST /api/v1/saker/{id}/meldinger", "POST /api/v1/saker/{id}/vedlegg",
					"GET /api/v1/saker/{id}/vedlegg/{attachmentId}");
	}

	@Test
	void swaggerUiIsServedInTheDemo() throws Exception {
		HttpResponse<String> ui = new ApiClientForTests(this.port).get("/swagger-ui/index.html", null);
		assertThat(ui.statusCode()).isEqualTo(200);
	}

}
