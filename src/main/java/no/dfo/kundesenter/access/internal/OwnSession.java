package no.dfo.kundesenter.access.internal;

import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;

/**
 * What one request did with its own session, the one Spring Session's filter looks up or
 * creates for it ({@link SessionRoundTrips}).
 */
final class OwnSession {

	/** Spring Session's filter is looking up the request's session. */
	private boolean lookingUp;

	/** Spring Session's filter is saving the request's session: the request is over. */
	private boolean committing;

	/** The filter's read of the session is running. */
	private boolean reading;

	private boolean changed;

	private @Nullable Session session;

	/** The id and time of access of {@link #session} as stored; none while it is new. */
	private @Nullable String storedId;

	private @Nullable Instant storedAccess;

	<T extends @Nullable Object> T lookingUp(Supplier<T> lookup) {
		boolean outer = this.lookingUp;
		this.lookingUp = true;
		try {
			return lookup.get();
		}
		finally {
			this.lookingUp = outer;
		}
	}

	/** The request changed its session's attributes or timeout, or ended it. */
	void changed() {
		this.changed = true;
	}

	void committing() {
		this.committing = true;
	}

	boolean isLookingUp() {
		return this.lookingUp;
	}

	boolean filterLooksUp() {
		return this.lookingUp || this.committing;
	}

	void reading(boolean reading) {
		this.reading = reading;
	}

	boolean isReading() {
		return this.reading;
	}

	@Nullable Session session() {
		return this.session;
	}

	/** Whether this is the request's session object, which only the filter holds. */
	boolean holds(@Nullable Object candidate) {
		return this.session != null && this.session == candidate;
	}

	boolean hasId(String id) {
		return this.session != null && this.session.getId().equals(id);
	}

	void found(Session session) {
		remember(session, session.getLastAccessedTime());
	}

	void created(Session session) {
		remember(session, null);
	}

	void deleted() {
		this.session = null;
	}

	void stored() {
		if (this.session != null) {
			remember(this.session, this.session.getLastAccessedTime());
		}
		this.changed = false;
	}

	boolean unchangedButForAccess() {
		Session session = this.session;
		Instant stored = this.storedAccess;
		return session != null && stored != null && !this.changed && session.getId().equals(this.storedId)
				&& session.getLastAccessedTime().isBefore(stored.plus(SessionRoundTrips.ACCESS_PRECISION));
	}

	private void remember(Session session, @Nullable Instant storedAccess) {
		this.session = session;
		this.storedId = (storedAccess != null) ? session.getId() : null;
		this.storedAccess = storedAccess;
	}

}
