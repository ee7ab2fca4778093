package no.dfo.kundesenter.api;

import java.net.http.HttpResponse;

import no.dfo.kundesenter.TestPeople;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agency's systems get in only once an administrator has enabled the agency, and then
 * only as often as the agency's limit allows. A new agency of its own keeps this test's
 * limit apart from every other test's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.rate-limits.api.requests=" + ApiAgencyTests.REQUESTS,
				"portal.rate-limits.api.period=1h" })
@AutoConfigureMockMvc
class ApiAgencyTests {

	static final int REQUESTS = 3;

	static final MockOAuth2Server MASKINPORTEN = new MockOAuth2Server(new OAuth2Config(true));

	static {
		MASKINPORTEN.start();
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				() -> MASKINPORTEN.issuerUrl(ApiClientForTests.ISSUER).toString());
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> MASKINPORTEN.jwksUrl(ApiClientForTests.ISSUER).toString());
	}

	@AfterAll
	static void stopIssuer() {
		MASKINPORTEN.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	UserDetailsService users;

	@Test
	void anAdministratorEnablesAnAgencyAndItsRequestsAreLimited() throws Exception {
		TestPeople.Agency agency = new TestPeople(this.jdbc).agency("API-etaten");
		ApiClientForTests api = new ApiClientForTests(this.port);
		String token = ApiClientForTests.token(MASKINPORTEN, agency.orgNumber());
		assertThat(api.get("/api/v1/saker", token).statusCode()).isEqualTo(403);

		this.mvc
			.perform(post("/admin/virksomheter/" + agency.orgNumber() + "/api").param("enabled", "true")
				.with(user(this.users.loadUserByUsername("lise")))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/virksomheter/" + agency.orgNumber() + "/api").param("enabled", "true")
				.with(user(this.users.loadUserByUsername("admin")))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/tilganger?virksomhet=" + agency.orgNumber()));
		this.mvc
			.perform(get("/admin/tilganger").param("virksomhet", agency.orgNumber())
				.with(user(this.users.loadUserByUsername("admin"))))
			.andExpect(content().string(containsString("kan bruke API-et")));
		assertThat(
				this.jdbc.queryForObject("select count(*) from audit_event where action = 'API_ENABLED' and detail = ?",
						Integer.class, "organization=" + agency.id()))
			.isOne();

		for (int i = 0; i < REQUESTS; i++) {
			HttpResponse<String> list = api.get("/api/v1/saker", token);
			assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
			assertThat(this.json.readTree(list.body()).get("cases").size()).isZero();
		}
		HttpResponse<String> limited = api.get("/api/v1/saker", token);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(this.json.readTree(limited.body()).get("code").asString()).isEqualTo("rateLimit.apiRequests");

		this.mvc
			.perform(post("/admin/virksomheter/" + agency.orgNumber() + "/api").param("enabled", "false")
				.with(user(this.users.loadUserByUsername("admin")))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(api.get("/api/v1/saker", token).statusCode()).isEqualTo(403);
	}

	@Test
	void theCentreItselfIsNeverEnabled() throws Exception {
		this.mvc
			.perform(post("/admin/virksomheter/974000008/api").param("enabled", "true")
				.with(user(this.users.loadUserByUsername("admin")))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select count(*) from api_agency a join organization o "
				+ "on o.id = a.organization_id where o.org_number = '974000008'", Integer.class))
			.isZero();
	}

}
