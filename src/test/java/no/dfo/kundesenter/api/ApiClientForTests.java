package no.dfo.kundesenter.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Calls the API over real HTTP with tokens from a Maskinporten stand-in
 * (mock-oauth2-server), as an agency's system does.
 */
final class ApiClientForTests {

	static final String ISSUER = "maskinporten";

	static final String AUDIENCE = "https://kundesenter.example/api";

	static final String SCOPE = "dfo:kundesenter.saker";

	static final String TESTETATEN = "910000004";

	static final String PROVEDIREKTORATET = "911000008";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	ApiClientForTests(int port) {
		this.port = port;
	}

	static String token(MockOAuth2Server issuer, String issuerId, String orgNumber, String scope, String audience,
			long expiry) {
		return issuer
			.issueToken(issuerId, "client-" + orgNumber,
					new DefaultOAuth2TokenCallback(issuerId, "client-" + orgNumber, "JWT", List.of(audience),
							Map.of("scope", scope, "client_id", "client-" + orgNumber, "consumer",
									Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + orgNumber)),
							expiry))
			.serialize();
	}

	static String token(MockOAuth2Server issuer, String orgNumber) {
		return token(issuer, ISSUER, orgNumber, SCOPE, AUDIENCE, 3600);
	}

	HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		return send(request(path, token).GET());
	}

	HttpResponse<String> postJson(String path, String token, String json, String... headers) throws Exception {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** A multipart body with text parts and one file. */
	HttpResponse<String> postMultipart(String path, String token, Map<String, String> fields, String fileName,
			byte[] file, String... headers) throws Exception {
		String boundary = "grense" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (fileName != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = request(path, token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

}
