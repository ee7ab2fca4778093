package no.dfo.kundesenter.cases.listing;

import java.util.Arrays;
import java.util.Optional;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;

/**
 * Which cases the list shows ("omfang" in the URL). Innmeldere only ever have their own
 * cases; fagbrukere see every case they may see, their own and the agency's, unless they
 * choose their own; caseworkers see their category across agencies. What may be seen is
 * always {@link CaseAccessPolicy#visibleTo}; the scope only narrows it.
 */
public enum CaseListScope {

	/** Mine saker: cases the viewer reported. */
	OWN("mine"),

	/** Alle saker i virksomheten: every case the viewer may see at their agency. */
	AGENCY("virksomhet"),

	/** Caseworkers: every case of their category, all agencies. */
	CENTRE("alle");

	private final String parameter;

	CaseListScope(String parameter) {
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

	/**
	 * Whether the viewer chooses between {@link #OWN} and {@link #AGENCY}.
	 */
	public static boolean offersChoice(PortalUser viewer) {
		return !viewer.isCaseworker()
				&& (viewer.hasRole(Role.PAYROLL_SPECIALIST) || viewer.hasRole(Role.ACCOUNTING_SPECIALIST));
	}

	/**
	 * The scope for this viewer given the URL's "omfang" (may be blank or rubbish: then
	 * the default, every case they may see).
	 */
	public static CaseListScope of(PortalUser viewer, String omfang) {
		if (viewer.isCaseworker()) {
			return CENTRE;
		}
		if (!offersChoice(viewer)) {
			return OWN;
		}
		Optional<CaseListScope> chosen = Arrays.stream(values())
			.filter((s) -> s != CENTRE && s.parameter.equals(omfang.strip()))
			.findFirst();
		return chosen.orElse(AGENCY);
	}

}
