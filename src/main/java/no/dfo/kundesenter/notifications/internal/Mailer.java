package no.dfo.kundesenter.notifications.internal;

/**
 * Hands a notice to whoever delivers it: an SMTP server, or the demo mailbox.
 */
interface Mailer {

	/**
	 * Delivers the mail or throws.
	 * @throws DeliveryFailedException when the mail did not go out; it says whether
	 * trying again can help
	 */
	void send(OutgoingMail mail);

}
