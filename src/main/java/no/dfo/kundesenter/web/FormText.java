package no.dfo.kundesenter.web;

import org.jspecify.annotations.Nullable;

/**
 * Text as people type it into forms, kept apart from characters nobody types. Every form
 * field is cleaned on binding ({@link FormTextAdvice}); the forms' validators decide what
 * is blank and what fits on one line with the methods here.
 */
public final class FormText {

	private FormText() {
	}

	/**
	 * The text without NUL and the other control characters (but tab and line breaks),
	 * without unpaired surrogates and noncharacters, and with every line break as
	 * {@code \n}. PostgreSQL refuses NUL in text, and the rest only make text look empty
	 * or different from what it is.
	 */
	public static String clean(String value) {
		StringBuilder kept = new StringBuilder(value.length());
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint == '\r') {
				kept.append('\n');
				if (i < value.length() && value.charAt(i) == '\n') {
					i++;
				}
			}
			else if (isKept(codePoint)) {
				kept.appendCodePoint(codePoint);
			}
		}
		return kept.toString();
	}

	/**
	 * Whether a person would see nothing in the text: it is empty, or holds only
	 * whitespace, control characters and invisible formatting characters such as the
	 * zero-width space.
	 */
	public static boolean isBlank(@Nullable String value) {
		return value == null || value.codePoints().allMatch(FormText::isInvisible);
	}

	/**
	 * The text without whitespace and invisible formatting characters at its start and
	 * end.
	 */
	public static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isInvisible(value.codePointAt(start))) {
			start += Character.charCount(value.codePointAt(start));
		}
		while (end > start && isInvisible(value.codePointBefore(end))) {
			end -= Character.charCount(value.codePointBefore(end));
		}
		return value.substring(start, end);
	}

	/**
	 * A one-line field (a subject, a name): tabs and line breaks become spaces, runs of
	 * whitespace one space, and the ends are stripped.
	 */
	public static String singleLine(String value) {
		return strip(value.replaceAll("[\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]+", " ").replaceAll(" {2,}", " "));
	}

	private static boolean isKept(int codePoint) {
		if (codePoint == '\t' || codePoint == '\n') {
			return true;
		}
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE
				&& !isNoncharacter(codePoint);
	}

	private static boolean isNoncharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

	private static boolean isInvisible(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
				|| Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.CONTROL
				|| codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
	}

}
