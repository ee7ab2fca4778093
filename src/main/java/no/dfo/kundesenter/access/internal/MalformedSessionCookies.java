package no.dfo.kundesenter.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Drops a session cookie that cannot be one of ours (ours hold the Base64 of a random
 * UUID) before Spring Session reads it, so garbage such as {@code SESSION=AAAA}, which
 * decodes to NUL bytes the database refuses, is treated as no cookie at all rather than
 * looked up.
 */
final class MalformedSessionCookies extends OncePerRequestFilter {

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final String cookieName;

	MalformedSessionCookies(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie[] cookies = request.getCookies();
		if (cookies != null && Arrays.stream(cookies).anyMatch(this::isMalformedSessionCookie)) {
			Cookie[] kept = Arrays.stream(cookies).filter((c) -> !isMalformedSessionCookie(c)).toArray(Cookie[]::new);
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public Cookie @Nullable [] getCookies() {
					return (kept.length > 0) ? kept : null;
				}
			}, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isMalformedSessionCookie(Cookie cookie) {
		return cookie.getName().equals(this.cookieName) && !isSessionId(cookie.getValue());
	}

	static boolean isSessionId(@Nullable String value) {
		if (value == null || value.length() != 48) {
			return false;
		}
		try {
			return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1))
				.matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
