package no.dfo.kundesenter.cases;

/**
 * Where a case stands. Only caseworkers change it, except that a customer message on a
 * {@link #CLOSED} or {@link #WAITING_FOR_CUSTOMER} case moves it back to {@link #ACTIVE}.
 */
public enum CaseStatus {

	/** Aktiv: new or waiting for the centre. */
	ACTIVE,

	/** Under arbeid: a caseworker is on it. */
	IN_PROGRESS,

	/** Venter på kunde: the caseworker needs something from the customer. */
	WAITING_FOR_CUSTOMER,

	/** Avsluttet: final answer sent; a new customer message reopens it. */
	CLOSED,

	/** Utsatt: cannot be handled now; a public message says why. */
	POSTPONED;

	/**
	 * The status a case moves to when its customer writes a message.
	 */
	public CaseStatus afterCustomerMessage() {
		return (this == CLOSED || this == WAITING_FOR_CUSTOMER) ? ACTIVE : this;
	}

	/**
	 * Whether a caseworker may move a case from this status to the target. Staying in the
	 * same status is not a transition. A closed case is reopened to {@link #ACTIVE} or
	 * {@link #IN_PROGRESS}; it is never postponed or put to wait for the customer without
	 * being opened first.
	 */
	public boolean canTransitionTo(CaseStatus target) {
		if (target == this) {
			return false;
		}
		return switch (this) {
			case ACTIVE, IN_PROGRESS, WAITING_FOR_CUSTOMER, POSTPONED -> true;
			case CLOSED -> target == ACTIVE || target == IN_PROGRESS;
		};
	}

	/**
	 * Whether setting this status needs a public message in the same action: Utsatt must
	 * say why.
	 */
	public boolean requiresPublicMessage() {
		return this == POSTPONED;
	}

	/**
	 * Whether the service-level targets' clock stands still while a case has this status:
	 * the centre waits for the customer, or has said why it cannot go on now.
	 */
	public boolean pausesServiceTargets() {
		return this == WAITING_FOR_CUSTOMER || this == POSTPONED;
	}

	/**
	 * Whether the case still needs work (everything but {@link #CLOSED}).
	 */
	public boolean isOpen() {
		return this != CLOSED;
	}

}
