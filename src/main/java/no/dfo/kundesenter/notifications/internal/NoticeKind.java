package no.dfo.kundesenter.notifications.internal;

import no.dfo.kundesenter.cases.CaseStatusChanged;
import no.dfo.kundesenter.cases.MessagePosted;
import org.jspecify.annotations.Nullable;

/**
 * What happened on a case that its reporter is told about, in the order a mail lists
 * them.
 */
enum NoticeKind {

	/** The centre wrote a public reply. */
	ANSWERED,

	/** Venter på kunde. */
	WAITING_FOR_CUSTOMER,

	/** Utsatt. */
	POSTPONED,

	/** Avsluttet. */
	CLOSED;

	/**
	 * A public message from the centre; never an internal note or the customer's own
	 * message.
	 */
	static @Nullable NoticeKind of(MessagePosted event) {
		return (event.isPublic() && event.side() == MessagePosted.Side.CENTRE) ? ANSWERED : null;
	}

	static @Nullable NoticeKind of(CaseStatusChanged event) {
		return switch (event.to()) {
			case WAITING_FOR_CUSTOMER -> WAITING_FOR_CUSTOMER;
			case POSTPONED -> POSTPONED;
			case CLOSED -> CLOSED;
			case ACTIVE, IN_PROGRESS -> null;
		};
	}

}
