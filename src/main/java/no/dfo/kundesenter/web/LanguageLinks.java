package no.dfo.kundesenter.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language switcher: a plain link per language to the same page with the
 * same query string, and {@code lang} set. After a form was sent, the links lead to the
 * page the form is on.
 */
final class LanguageLinks {

	/** The request attribute the layout reads them from, also on error pages. */
	static final String ATTRIBUTE = "languages";

	private LanguageLinks() {
	}

	static List<LanguageLink> of(HttpServletRequest request, Locale current) {
		String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		return Languages.ALL.stream().map((language) -> {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
			if (query != null) {
				link.query(query);
			}
			String href = link.replaceQueryParam(LanguageResolver.PARAMETER, language.getLanguage())
				.build()
				.toUriString();
			return new LanguageLink(language.getLanguage(), href, language.getLanguage().equals(current.getLanguage()));
		}).toList();
	}

	/**
	 * @param code {@code nb}, {@code nn} or {@code en}; its name is
	 * {@code language.<code>}
	 * @param href the same page in that language
	 * @param current whether the page is in it
	 */
	record LanguageLink(String code, String href, boolean current) {
	}

}
