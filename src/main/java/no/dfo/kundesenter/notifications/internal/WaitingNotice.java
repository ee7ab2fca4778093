package no.dfo.kundesenter.notifications.internal;

import java.time.Instant;
import java.util.List;

/**
 * A notice waiting for its batch window to pass (or for another attempt), as the demo's
 * mail page shows it.
 *
 * @param caseId the case it is about
 * @param kinds what it will say happened: the names of its kinds, in the order a mail
 * lists them
 * @param goesOutAt when it is due to be sent
 * @param recipient the name of the person it goes to
 */
public record WaitingNotice(long caseId, List<String> kinds, Instant goesOutAt, String recipient) {

	public WaitingNotice {
		kinds = List.copyOf(kinds);
	}

}
