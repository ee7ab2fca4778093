package no.dfo.kundesenter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code ?lang=nb|nn|en} in the query string of any address chooses the language, before
 * anything else sees the request (the login page a signed-out person is sent to is
 * already in it). Other values are ignored.
 */
class LanguageFilter extends OncePerRequestFilter {

	private final LanguageResolver languages;

	LanguageFilter(LanguageResolver languages) {
		this.languages = languages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Languages.of(Languages.askedIn(request.getQueryString()))
			.ifPresent((language) -> this.languages.setLocale(request, response, language));
		request.setAttribute(LanguageLinks.ATTRIBUTE, LanguageLinks.of(request, this.languages.resolveLocale(request)));
		chain.doFilter(request, response);
	}

}
