package no.dfo.kundesenter.access.internal;

import org.jspecify.annotations.Nullable;

/**
 * Norwegian organization numbers: nine digits, the last a MOD11 check digit over the
 * first eight with weights 3, 2, 7, 6, 5, 4, 3, 2.
 */
public final class OrganizationNumber {

	private static final int[] WEIGHTS = { 3, 2, 7, 6, 5, 4, 3, 2 };

	private OrganizationNumber() {
	}

	/**
	 * The number as people type it, without spaces (they often write "910 000 004").
	 */
	public static String normalize(@Nullable String typed) {
		return (typed != null) ? typed.replaceAll("[\\s\\u00a0]", "") : "";
	}

	public static boolean hasNineDigits(String number) {
		return number.matches("\\d{9}");
	}

	/**
	 * Whether a nine-digit number carries the right check digit.
	 */
	public static boolean hasValidCheckDigit(String number) {
		if (!hasNineDigits(number)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		return check != 10 && check == number.charAt(8) - '0';
	}

}
