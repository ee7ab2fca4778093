package no.dfo.kundesenter.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The portal's languages: bokmål (the default), nynorsk and English, named by their ISO
 * 639-1 codes as in {@code ?lang=nn}.
 */
public final class Languages {

	public static final Locale BOKMAL = Locale.forLanguageTag("nb-NO");

	public static final Locale NYNORSK = Locale.forLanguageTag("nn-NO");

	public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

	public static final List<Locale> ALL = List.of(BOKMAL, NYNORSK, ENGLISH);

	private Languages() {
	}

	/** The language with this code ({@code nb}, {@code nn} or {@code en}, any case). */
	public static Optional<Locale> of(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.strip();
		return ALL.stream().filter((language) -> language.getLanguage().equalsIgnoreCase(wanted)).findFirst();
	}

	/**
	 * The code a query string asks for with {@code lang=}. Only the query string: reading
	 * a form's parameters early would read a whole upload before its checks.
	 */
	public static @Nullable String askedIn(@Nullable String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith("lang=")) {
				return pair.substring("lang=".length());
			}
		}
		return null;
	}

	/**
	 * The portal's language nearest to this one: Norwegian is bokmål unless it is
	 * nynorsk.
	 */
	public static Locale nearest(Locale locale) {
		return switch (locale.getLanguage()) {
			case "nn" -> NYNORSK;
			case "en" -> ENGLISH;
			default -> BOKMAL;
		};
	}

	/**
	 * The first language of an {@code Accept-Language} header that the portal speaks
	 * ({@code no} and {@code nb} are bokmål); bokmål when it names none or cannot be
	 * read.
	 */
	public static Locale fromAcceptLanguage(@Nullable String header) {
		if (header == null || header.isBlank() || header.length() > 1000) {
			return BOKMAL;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String language = range.getRange().split("-", 2)[0];
				switch (language) {
					case "nb", "no", "nob", "nor" -> {
						return BOKMAL;
					}
					case "nn", "nno" -> {
						return NYNORSK;
					}
					case "en", "eng" -> {
						return ENGLISH;
					}
					default -> {
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// A header nobody could read: the default.
		}
		return BOKMAL;
	}

}
