package no.dfo.kundesenter.access.internal;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser over real HTTP that signs in through an OpenID provider (mock-oauth2-server
 * with its interactive login): it follows the portal's redirect to the provider, signs in
 * there as someone with the given claims, and brings the code back to the portal. Cookies
 * are kept as a browser keeps them.
 */
final class OpenIdBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String portal;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String address;

	OpenIdBrowser(int port) {
		this(port, "127.0.0.1");
	}

	/**
	 * A browser at the given address, as a proxy in front of the portal names it
	 * ({@code X-Forwarded-For}, which the portal trusts from loopback).
	 */
	OpenIdBrowser(int port, String address) {
		this.portal = "http://localhost:" + port;
		this.address = address;
	}

	String portal() {
		return this.portal;
	}

	HttpResponse<String> get(String pathOrUrl) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Accept", "text/html")
			.header("X-Forwarded-For", this.address)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String pathOrUrl, Map<String, String> form) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("X-Forwarded-For", this.address)
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form of the portal's, sent with the CSRF token of the page it is on. */
	HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
		Matcher token = CSRF.matcher(get(page).body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		var form = new java.util.LinkedHashMap<>(fields);
		form.put("_csrf", token.group(1));
		return post(action, form);
	}

	/**
	 * Signs in with the given registration as the person the claims describe.
	 * @param atProvider changes the authorization request before the provider sees it
	 * @return the portal's answer to the return from the provider
	 */
	HttpResponse<String> signIn(String registrationId, String subject, String claimsJson,
			UnaryOperator<String> atProvider) throws Exception {
		HttpResponse<String> start = get("/oauth2/authorization/" + registrationId);
		if (start.statusCode() != 302) {
			throw new IllegalStateException("The portal did not send the browser to the provider: " + start);
		}
		String authorize = atProvider.apply(location(start));
		HttpResponse<String> login = post(authorize, Map.of("username", subject, "claims", claimsJson));
		if (login.statusCode() != 302) {
			throw new IllegalStateException("The provider did not send the browser back: " + login.body());
		}
		return get(location(login));
	}

	HttpResponse<String> signIn(String registrationId, String subject, String claimsJson) throws Exception {
		return signIn(registrationId, subject, claimsJson, UnaryOperator.identity());
	}

	/** The address of the authorization request a sign-in starts with. */
	String authorizationRequest(String registrationId) throws Exception {
		return location(get("/oauth2/authorization/" + registrationId));
	}

	static String location(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("No redirect: " + response.statusCode()));
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.portal + pathOrUrl);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
