package no.dfo.kundesenter.access.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The organizations a person chose to sign in for, as Ansattporten returns them in the
 * {@code authorization_details} claim (Rich Authorization Requests): each entry's
 * {@code reportees[].ID}, or its {@code orgno.ID}, as {@code 0192:} and a Norwegian
 * organization number.
 */
final class ChosenOrganizations {

	static final String CLAIM = "authorization_details";

	private static final Pattern ORGANIZATION = Pattern.compile("(?:0192:)?(\\d{9})");

	private ChosenOrganizations() {
	}

	/**
	 * The organization numbers chosen, or empty when the claim names none (the person was
	 * not asked to choose).
	 */
	static Optional<Set<String>> in(@Nullable Object claim) {
		Set<String> chosen = new LinkedHashSet<>();
		if (claim instanceof Collection<?> details) {
			for (Object detail : details) {
				if (detail instanceof Map<?, ?> entry) {
					if (entry.get("reportees") instanceof Collection<?> reportees) {
						reportees.forEach((reportee) -> add(reportee, chosen));
					}
					add(entry.get("orgno"), chosen);
				}
			}
		}
		return chosen.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(chosen));
	}

	private static void add(@Nullable Object party, Set<String> chosen) {
		if (party instanceof Map<?, ?> map
				&& (map.containsKey("ID") ? map.get("ID") : map.get("id")) instanceof String id) {
			Matcher matcher = ORGANIZATION.matcher(id.strip());
			if (matcher.matches()) {
				chosen.add(matcher.group(1));
			}
		}
	}

}
