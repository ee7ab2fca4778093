package no.dfo.kundesenter.notifications;

/**
 * Bounces of the portal's notices (delivery status notifications), as the mailbox reader
 * finds them.
 */
public interface NoticeBounces {

	/**
	 * Marks a sent notice failed, as an SMTP refusal does.
	 * @return whether there was such a notice
	 */
	boolean bounced(long noticeId);

}
