package no.dfo.kundesenter.access.internal;

import java.util.Enumeration;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The request as the application sees it just inside Spring Session's filter
 * ({@link SessionRoundTrips#lookups()}). Each call by which the filter may look up the
 * request's session is marked as such, and the session it hands out notes every change of
 * its attributes or timeout, and its end.
 */
final class OwnSessionRequest extends HttpServletRequestWrapper {

	private final OwnSession own;

	private @Nullable ChangeNoticingSession session;

	OwnSessionRequest(HttpServletRequest request, OwnSession own) {
		super(request);
		this.own = own;
	}

	@Override
	public @Nullable HttpSession getSession(boolean create) {
		HttpSession session = this.own.lookingUp(() -> super.getSession(create));
		if (session == null) {
			return null;
		}
		if (this.session == null || this.session.delegate != session) {
			this.session = new ChangeNoticingSession(session, this.own);
		}
		return this.session;
	}

	@Override
	public HttpSession getSession() {
		HttpSession session = getSession(true);
		assert session != null;
		return session;
	}

	@Override
	public @Nullable String getRequestedSessionId() {
		return this.own.lookingUp(super::getRequestedSessionId);
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		return this.own.lookingUp(super::isRequestedSessionIdValid);
	}

	@Override
	public String changeSessionId() {
		return this.own.lookingUp(super::changeSessionId);
	}

	private static final class ChangeNoticingSession implements HttpSession {

		private final HttpSession delegate;

		private final OwnSession own;

		ChangeNoticingSession(HttpSession delegate, OwnSession own) {
			this.delegate = delegate;
			this.own = own;
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.own.changed();
			this.delegate.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.own.changed();
			this.delegate.removeAttribute(name);
		}

		@Override
		public void setMaxInactiveInterval(int interval) {
			this.own.changed();
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public void invalidate() {
			this.own.changed();
			this.delegate.invalidate();
		}

		@Override
		public long getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public long getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public ServletContext getServletContext() {
			return this.delegate.getServletContext();
		}

		@Override
		public int getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.delegate.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public boolean isNew() {
			return this.delegate.isNew();
		}

		@Override
		public Accessor getAccessor() {
			return this.delegate.getAccessor();
		}

	}

}
