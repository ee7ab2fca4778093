package no.dfo.kundesenter.channels.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How reading each mailbox went on this node: when it last worked, and since when and why
 * it fails. Reads that fail wait twice as long each time, up to the longest pause.
 */
@Component
class MailboxStatus {

	private final Map<Category, State> states = new EnumMap<>(Category.class);

	private final ChannelSettings settings;

	MailboxStatus(ChannelSettings settings) {
		this.settings = settings;
	}

	synchronized void succeeded(Category mailbox, Instant now) {
		this.states.put(mailbox, new State(now, null, 0, null, now));
	}

	synchronized void failed(Category mailbox, Instant now, String problem) {
		State before = this.states.get(mailbox);
		int failures = (before != null) ? before.failures() + 1 : 1;
		Duration wait = this.settings.pollInterval().multipliedBy(1L << Math.min(failures, 20));
		if (wait.compareTo(this.settings.maxBackoff()) > 0) {
			wait = this.settings.maxBackoff();
		}
		Instant since = (before != null && before.failingSince() != null) ? before.failingSince() : now;
		this.states.put(mailbox,
				new State((before != null) ? before.lastSuccess() : null, since, failures, problem, now.plus(wait)));
	}

	synchronized boolean due(Category mailbox, Instant now) {
		State state = this.states.get(mailbox);
		return state == null || !now.isBefore(state.nextAttempt());
	}

	synchronized Optional<State> of(Category mailbox) {
		return Optional.ofNullable(this.states.get(mailbox));
	}

	/**
	 * @param problem what went wrong last (the kind of error, never a password)
	 */
	record State(@Nullable Instant lastSuccess, @Nullable Instant failingSince, int failures, @Nullable String problem,
			Instant nextAttempt) {

		boolean failing() {
			return this.failures > 0;
		}

	}

}
