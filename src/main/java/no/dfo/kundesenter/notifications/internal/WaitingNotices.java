package no.dfo.kundesenter.notifications.internal;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The notices not sent yet, for the demo's mail page, so a newcomer who has just answered
 * a case sees that a mail is coming and when.
 */
@Component
public class WaitingNotices {

	private static final int SHOWN = 50;

	private final Notices notices;

	WaitingNotices(Notices notices) {
		this.notices = notices;
	}

	/** The first to go out first. */
	public List<WaitingNotice> list() {
		return this.notices.waiting(SHOWN);
	}

}
