package no.dfo.kundesenter.cases;

/**
 * A message was added to a case's conversation. Published inside the posting transaction.
 *
 * @param caseId the case
 * @param messageId the new message
 * @param authorId who wrote it
 * @param internal {@literal true} for an internal note (caseworkers only), which must
 * never reach the customer
 * @param side whether the customer or the centre wrote it
 */
public record MessagePosted(long caseId, long messageId, long authorId, boolean internal, Side side) {

	/** Which side of the conversation wrote the message. */
	public enum Side {

		CUSTOMER, CENTRE

	}

	public boolean isPublic() {
		return !this.internal;
	}

}
