package no.dfo.kundesenter.notifications;

import java.util.List;

import no.dfo.kundesenter.access.PortalUser;

/**
 * What caseworkers need to know about a case's notices: the ones that could not be sent.
 * The case page asks for it as the bean {@code noticeStatus}.
 */
public interface NoticeStatus {

	/**
	 * The notices of the case that could not be sent, newest first. Empty for anyone who
	 * is not a caseworker who may see the case.
	 */
	List<FailedNotice> failuresFor(long caseId, PortalUser viewer);

}
