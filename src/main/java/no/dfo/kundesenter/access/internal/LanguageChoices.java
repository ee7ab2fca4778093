package no.dfo.kundesenter.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.web.Languages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps the language a signed-in person chooses ({@code ?lang=}) on the person, so that
 * their notices are written in it. Only a request that chooses one writes.
 */
class LanguageChoices implements HandlerInterceptor {

	private final JdbcTemplate jdbc;

	LanguageChoices(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(PortalUser.REQUEST_ATTRIBUTE) instanceof PortalUser person) {
			Languages.of(Languages.askedIn(request.getQueryString()))
				.ifPresent((language) -> this.jdbc.update(
						"update app_user set language = ? where id = ? and language is distinct from ?",
						language.getLanguage(), person.id(), language.getLanguage()));
		}
		return true;
	}

}
