package no.dfo.kundesenter.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser sends several requests of one session at once (tabs restored after login).
 * Each of them may store the same new session attribute; none may fail for it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionConcurrencyTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void parallelRequestsOfAFreshSessionAllSucceed() throws Exception {
		for (int session = 0; session < 5; session++) {
			try (HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
				signIn(client, "kari");
				List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
				for (int i = 0; i < 12; i++) {
					pages.add(client.sendAsync(HttpRequest.newBuilder(uri("/saker")).build(),
							HttpResponse.BodyHandlers.ofString()));
				}
				for (CompletableFuture<HttpResponse<String>> page : pages) {
					assertThat(page.get().statusCode()).isEqualTo(200);
				}
			}
		}
	}

	private void signIn(HttpClient client, String username) throws Exception {
		String form = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "username=" + username + "&password=demo&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<Void> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/"));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
