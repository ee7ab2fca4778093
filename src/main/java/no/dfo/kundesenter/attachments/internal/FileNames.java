package no.dfo.kundesenter.attachments.internal;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * File names as people sent them, made safe to store and show: no folders (browsers and
 * tools may send a whole path), no control or invisible formatting characters (a
 * right-to-left override can make "fdp.exe" read as "exe.pdf"), no names of only dots, at
 * most {@value #MAX_LENGTH} characters. Everything else, such as spaces and Norwegian
 * letters, is kept.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	static final String FALLBACK = "vedlegg";

	private FileNames() {
	}

	static String clean(@Nullable String sent) {
		if (sent == null) {
			return FALLBACK;
		}
		String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder kept = new StringBuilder(name.length());
		name.codePoints().filter(FileNames::isShown).forEach(kept::appendCodePoint);
		name = kept.toString().strip();
		if (name.chars().allMatch((c) -> c == '.')) {
			return FALLBACK;
		}
		return shorten(name);
	}

	private static boolean isShown(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE;
	}

	/** Keeps the extension of a long name. */
	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - extension.length());
		int keep = MAX_LENGTH - extension.length();
		return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
	}

}
