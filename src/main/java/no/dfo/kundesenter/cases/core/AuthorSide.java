package no.dfo.kundesenter.cases.core;

/**
 * Which side of the conversation wrote a message: the customer (kunde) or the centre
 * (saksbehandler). Kept on the message so the conversation reads right even after roles
 * change.
 */
public enum AuthorSide {

	CUSTOMER, CENTRE

}
