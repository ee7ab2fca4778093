package no.dfo.kundesenter.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A language the pages are checked in.
 *
 * @param code the language's code, for test names
 * @param parameter the value of {@code ?lang=} that chooses it, or {@code null} for the
 * default, which a page shows without the parameter
 */
record Language(String code, @Nullable String parameter) {

	/**
	 * Every language the portal is checked in, each page in each. Bokmål comes first and
	 * without a parameter: that is what a newcomer whose browser asks for Norwegian gets.
	 * Each walk starts signed out, with no cookies and nobody's language chosen, so a
	 * choice does not carry over from one walk to the next
	 * ({@code UniversalDesignTests}); each page is checked to be in its walk's language.
	 */
	static final List<Language> ALL = List.of(new Language("nb", null), new Language("nn", "nn"),
			new Language("en", "en"));

	@Override
	public String toString() {
		return this.code;
	}

}
