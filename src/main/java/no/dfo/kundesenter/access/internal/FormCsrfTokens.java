package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's masked CSRF tokens, read without reading what is not needed:
 * <ul>
 * <li>a request for which no token was stored (no session, or a session that has none)
 * cannot hold a valid one, so its body is never read to look for it;</li>
 * <li>a multipart form carries its token in the query string of its action (or a script's
 * header), so the body is parsed only after the check, and only on the upload endpoints
 * (decision 0029);</li>
 * <li>a token that does not decode is a wrong token, not an error: Spring Security's
 * decoder throws on bytes that are not UTF-8 after unmasking.</li>
 * </ul>
 */
final class FormCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.masked.handle(request, response, csrfToken);
	}

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String header = request.getHeader(csrfToken.getHeaderName());
		HttpServletRequest readable = request;
		if (header == null
				&& request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken stored
				&& stored.isGenerated()) {
			return null;
		}
		if (header == null && isMultipart(request)) {
			readable = new QueryStringOnly(request);
		}
		try {
			return this.masked.resolveCsrfTokenValue(readable, csrfToken);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** The request's parameters as its query string has them. */
	private static final class QueryStringOnly extends HttpServletRequestWrapper {

		QueryStringOnly(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String query = getQueryString();
			if (query == null) {
				return null;
			}
			List<String> values = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().get(name);
			return (values != null && !values.isEmpty() && values.get(0) != null)
					? UriUtils.decode(values.get(0), StandardCharsets.UTF_8) : null;
		}

	}

}
