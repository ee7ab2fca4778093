package no.dfo.kundesenter.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the one asked for with {@code ?lang=} on this request, else
 * the one chosen before (the {@code lang} cookie), else the browser's
 * ({@code Accept-Language}), else bokmål. The choice is kept in the cookie for a year.
 */
class LanguageResolver implements LocaleResolver {

	static final String COOKIE = "lang";

	static final String PARAMETER = "lang";

	private static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					var kept = Languages.of(cookie.getValue());
					if (kept.isPresent()) {
						return kept.get();
					}
				}
			}
		}
		return Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale language = (locale != null) ? Languages.nearest(locale) : Languages.BOKMAL;
		request.setAttribute(CHOSEN, language);
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(COOKIE, language.getLanguage())
						.path("/")
						.maxAge(Duration.ofDays(365))
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.build()
						.toString());
		}
	}

}
