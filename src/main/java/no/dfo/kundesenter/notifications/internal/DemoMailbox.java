package no.dfo.kundesenter.notifications.internal;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import no.dfo.kundesenter.notifications.DemoOutbox;
import org.jspecify.annotations.Nullable;

/**
 * Demo profile without a mail server: notices are kept in memory (the newest 100) and
 * listed at {@code /demo/epost}, so a newcomer can read them and follow the link.
 */
public class DemoMailbox implements Mailer, DemoOutbox {

	private static final int KEPT = 100;

	private final Deque<OutgoingMail> mails = new ConcurrentLinkedDeque<>();

	@Override
	public void send(OutgoingMail mail) {
		this.mails.addFirst(mail);
		while (this.mails.size() > KEPT) {
			this.mails.pollLast();
		}
	}

	/**
	 * The kept mails, newest first.
	 */
	public List<OutgoingMail> mails() {
		return new ArrayList<>(this.mails);
	}

	@Override
	public @Nullable Integer imapPort() {
		return null;
	}

	@Override
	public List<SentMail> sent() {
		return this.mails.stream()
			.map((m) -> new SentMail(m.to(), m.subject(), m.composedAt(), m.text(), m.link()))
			.toList();
	}

}
