package no.dfo.kundesenter.access.internal;

import org.jspecify.annotations.Nullable;

/**
 * Compares levels of assurance as Ansattporten ({@code low}, {@code substantial},
 * {@code high}) and ID-porten ({@code idporten-loa-low}, …) name them: by the level the
 * value ends with. Values outside that ladder must match exactly.
 */
final class AssuranceLevels {

	private AssuranceLevels() {
	}

	static boolean satisfies(@Nullable String returned, String asked) {
		if (returned == null || returned.isBlank()) {
			return false;
		}
		int askedRank = rank(asked);
		int returnedRank = rank(returned);
		if (askedRank == 0 || returnedRank == 0) {
			return returned.equals(asked);
		}
		return prefix(returned).equals(prefix(asked)) && returnedRank >= askedRank;
	}

	private static int rank(String level) {
		if (level.endsWith("high")) {
			return 3;
		}
		if (level.endsWith("substantial")) {
			return 2;
		}
		if (level.endsWith("low")) {
			return 1;
		}
		return 0;
	}

	private static String prefix(String level) {
		int dash = level.lastIndexOf('-');
		return (dash < 0) ? "" : level.substring(0, dash + 1);
	}

}
