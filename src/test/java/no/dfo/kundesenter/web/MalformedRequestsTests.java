package no.dfo.kundesenter.web;

import java.util.stream.Stream;

import no.dfo.kundesenter.RealBrowser;
import no.dfo.kundesenter.RealBrowser.RawResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat or Spring Security refuse before any page is made: each gets a plain
 * Norwegian page that names no server, never a server error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestsTests {

	@LocalServerPort
	int port;

	static Stream<Arguments> malformed() {
		String longCookie = "Cookie: x=" + "a".repeat(40_000) + "\r\n";
		return Stream.of(Arguments.of("path traversal", "GET /%2e%2e/etc/passwd HTTP/1.1\r\n"),
				Arguments.of("encoded dots", "GET /saker/%2e%2e/%2e%2e/ HTTP/1.1\r\n"),
				Arguments.of("encoded slash", "GET /saker/1%2F2 HTTP/1.1\r\n"),
				Arguments.of("encoded backslash", "GET /saker/ny%5c..%5c HTTP/1.1\r\n"),
				Arguments.of("encoded NUL", "GET /saker/%00 HTTP/1.1\r\n"),
				Arguments.of("semicolon traversal", "GET /saker/..;/admin HTTP/1.1\r\n"),
				Arguments.of("double slash", "GET /saker//ny HTTP/1.1\r\n"),
				Arguments.of("40 kB URL", "GET /saker?q=" + "a".repeat(40_000) + " HTTP/1.1\r\n"),
				Arguments.of("40 kB cookie", "GET /saker HTTP/1.1\r\n" + longCookie),
				Arguments.of("header without colon", "GET /saker HTTP/1.1\r\nBroken header\r\n"),
				Arguments.of("control character in a header", "GET /saker HTTP/1.1\r\nX-A: a\u0001b\r\n"),
				Arguments.of("unknown protocol version", "GET /saker HTTP/9.9\r\n"),
				Arguments.of("unknown method", "BREW /saker HTTP/1.1\r\n"),
				Arguments.of("bad host header", "GET /saker HTTP/1.1\r\nHost: [::1\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void aMalformedRequestGetsAPlainNorwegianPageThatNamesNoServer(String name, String head) throws Exception {
		String request = head + (head.contains("Host:") ? "" : "Host: localhost\r\n")
				+ "Accept: text/html\r\nConnection: close\r\n\r\n";
		RawResponse response = new RealBrowser(this.port).raw(request, new byte[0], 0);
		assertThat(response.status()).as(response.text()).isBetween(400, 505).isNotEqualTo(500);
		assertThat(response.text()).contains("lang=\"nb\"", "Forespørselen kunne ikke behandles")
			.doesNotContain("Tomcat", "HTTP Status", "Exception", "Whitelabel");
	}

	@Test
	void thePlainPageIsInTheLanguageTheRequestAsksFor() throws Exception {
		String request = "GET /saker/1%2F2 HTTP/1.1\r\nHost: localhost\r\nAccept-Language: nn-NO,nn;q=0.9\r\n"
				+ "Accept: text/html\r\nConnection: close\r\n\r\n";
		RawResponse response = new RealBrowser(this.port).raw(request, new byte[0], 0);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).contains("<html lang=\"nn\">");
	}

}
