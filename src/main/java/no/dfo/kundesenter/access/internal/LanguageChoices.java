package no.dfo.kundesenter.access.internal;

import java.util.Arrays;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.web.Languages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keeps the language a signed-in person chooses ({@code ?lang=}) on the person, so that
 * their notices are written in it; and on a browser that has chosen none yet, starts with
 * the one the person chose before.
 */
class LanguageChoices implements HandlerInterceptor {

	private final JdbcTemplate jdbc;

	private final LocaleResolver locales;

	LanguageChoices(JdbcTemplate jdbc, LocaleResolver locales) {
		this.jdbc = jdbc;
		this.locales = locales;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(PortalUser.REQUEST_ATTRIBUTE) instanceof PortalUser person)) {
			return true;
		}
		var asked = Languages.of(Languages.askedIn(request.getQueryString()));
		if (asked.isPresent()) {
			this.jdbc.update("update app_user set language = ? where id = ? and language is distinct from ?",
					asked.get().getLanguage(), person.id(), asked.get().getLanguage());
		}
		else if (!hasChosen(request)) {
			this.jdbc.queryForList("select language from app_user where id = ?", String.class, person.id())
				.stream()
				.filter(Objects::nonNull)
				.findFirst()
				.flatMap(Languages::of)
				.ifPresent((language) -> this.locales.setLocale(request, response, language));
		}
		return true;
	}

	private static boolean hasChosen(HttpServletRequest request) {
		return request.getCookies() != null
				&& Arrays.stream(request.getCookies()).anyMatch((cookie) -> "lang".equals(cookie.getName()));
	}

}
