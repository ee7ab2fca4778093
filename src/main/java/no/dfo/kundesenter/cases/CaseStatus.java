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

}
