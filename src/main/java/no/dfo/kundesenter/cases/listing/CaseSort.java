package no.dfo.kundesenter.cases.listing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns the case list can be sorted by: a whitelist, each with its name in the URL
 * ({@code sort=opprettet}, {@code sort=-opprettet} for descending).
 */
public enum CaseSort {

	ID("id"), SUBJECT("emne"), CATEGORY("kategori"), STATUS("status"), CHANNEL("kanal"), REPORTER("innmelder"),
	CREATED("opprettet"), UPDATED("oppdatert");

	private final String parameter;

	CaseSort(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	public static Optional<CaseSort> of(String parameter) {
		return Arrays.stream(values()).filter((s) -> s.parameter.equals(parameter)).findFirst();
	}

}
