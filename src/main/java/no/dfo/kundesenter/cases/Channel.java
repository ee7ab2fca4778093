package no.dfo.kundesenter.cases;

/**
 * How a case reached the centre (kanal). Every case shows in the portal whatever its
 * channel.
 */
public enum Channel {

	/** Nett: registered in the portal. */
	WEB,

	/** E-post. */
	EMAIL,

	/** Telefon: registered by a caseworker on the customer's behalf. */
	PHONE,

	/** Fagsystem: registered by the agency's own system through the JSON API. */
	API

}
