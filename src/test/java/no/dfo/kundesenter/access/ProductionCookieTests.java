package no.dfo.kundesenter.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie flags as a real server writes them (MockMvc does not run Spring Session's
 * cookie writing the same way), with the setting the prod profile uses: even a request
 * that arrived over plain HTTP (TLS ended at the load balancer) gets a Secure cookie.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.servlet.session.cookie.secure=true")
class ProductionCookieTests {

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<Void> response = client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(response.headers().allValues("Set-Cookie")).filteredOn((h) -> h.startsWith("SESSION="))
				.singleElement()
				.satisfies((h) -> assertThat(h).contains("; Secure", "; HttpOnly", "; SameSite=Lax"));
		}
	}

}
