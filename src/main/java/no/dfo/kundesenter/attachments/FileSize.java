package no.dfo.kundesenter.attachments;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * File sizes as people read them, in Norwegian notation with binary units: "512 byte",
 * "340 kB", "1,4 MB".
 */
public final class FileSize {

	private static final long KB = 1024;

	private static final long MB = KB * KB;

	private FileSize() {
	}

	public static String format(long bytes) {
		if (bytes < KB) {
			return bytes + " byte";
		}
		if (bytes < MB) {
			return decimal(bytes, KB) + " kB";
		}
		return decimal(bytes, MB) + " MB";
	}

	private static String decimal(long bytes, long unit) {
		BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP);
		if (value.compareTo(BigDecimal.TEN) >= 0 || value.stripTrailingZeros().scale() <= 0) {
			value = value.setScale(0, RoundingMode.HALF_UP);
		}
		return value.toPlainString().replace('.', ',');
	}

}
