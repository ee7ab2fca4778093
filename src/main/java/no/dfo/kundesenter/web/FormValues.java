package no.dfo.kundesenter.web;

import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Reads the values of choices and hidden fields that forms send as text: ids, versions
 * and enum constants. Whatever does not parse is {@literal null}, for the form's
 * validator to reject with its own message.
 */
public final class FormValues {

	private FormValues() {
	}

	/**
	 * A whole number such as an id or a version ({@code " 42 "} reads as 42).
	 */
	public static @Nullable Long number(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * An id such as a file's ({@code "3f1c…"}).
	 */
	public static @Nullable UUID uuid(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The constant named exactly {@code value}.
	 */
	public static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equals(value)).findFirst().orElse(null);
	}

}
