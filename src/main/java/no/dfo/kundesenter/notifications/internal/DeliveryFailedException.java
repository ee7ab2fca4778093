package no.dfo.kundesenter.notifications.internal;

/**
 * A notice did not go out. Permanent failures (the server refused the address or the mail
 * for good) are not retried; anything else is, with backoff.
 */
class DeliveryFailedException extends RuntimeException {

	private final boolean permanent;

	DeliveryFailedException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	boolean isPermanent() {
		return this.permanent;
	}

}
