package no.dfo.kundesenter.access;

/**
 * What a person may do in the portal. Agency-side roles first, then the centre's.
 */
public enum Role {

	/** Employee of a client agency who reports cases (innmelder). */
	REPORTER,

	/** Agency specialist who sees all the agency's payroll cases (fagbruker lønn). */
	PAYROLL_SPECIALIST,

	/**
	 * Agency specialist who sees all the agency's accounting cases (fagbruker regnskap).
	 */
	ACCOUNTING_SPECIALIST,

	/** Caseworker at the centre handling payroll cases (saksbehandler lønn). */
	PAYROLL_CASEWORKER,

	/** Caseworker at the centre handling accounting cases (saksbehandler regnskap). */
	ACCOUNTING_CASEWORKER,

	/** Administrator at the centre: access requests, agencies and users. */
	ADMINISTRATOR;

	/** A role of a client agency's employee: innmelder or fagbruker. */
	public boolean isAgencyRole() {
		return this == REPORTER || this == PAYROLL_SPECIALIST || this == ACCOUNTING_SPECIALIST;
	}

	public boolean isCaseworker() {
		return this == PAYROLL_CASEWORKER || this == ACCOUNTING_CASEWORKER;
	}

	/**
	 * Whether a person holding this role may also hold the other. An administrator grants
	 * access and sees no case content, so nobody is administrator and holds a role that
	 * sees cases at the same time.
	 */
	public boolean combinesWith(Role other) {
		return this == other || (this != ADMINISTRATOR && other != ADMINISTRATOR);
	}

}
