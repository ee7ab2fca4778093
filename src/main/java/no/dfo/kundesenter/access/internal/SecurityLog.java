package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import no.dfo.kundesenter.access.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that writes security events (decision 62): one line each on the
 * {@code security} logger, with SLF4J key-value pairs that structured logging turns into
 * JSON fields, and the same pairs as {@code key=value} in the message. Only ids and
 * codes: a user name that matches nobody is logged as a hash keyed with a secret made at
 * start, a session id as a short hash; never an address, a password or any case content.
 * An event inside a transaction is written when the transaction commits, and not at all
 * if it rolls back.
 */
@Component
class SecurityLog {

	static final String LOGGER = "security";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final int HASH_BYTES = 9;

	private static final int MAX_PATH = 200;

	private final SecretKeySpec nameKey;

	SecurityLog() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.nameKey = new SecretKeySpec(key, "HmacSHA256");
	}

	void signedIn(@Nullable Long personId) {
		event("signin.success", "success").person(personId).write(Level.INFO);
	}

	/**
	 * @param personId whose user name was typed, or {@literal null} when it matches
	 * nobody
	 */
	void signInFailed(String reason, @Nullable Long personId, String typedName) {
		Event event = event("signin.failure", "failure").reason(reason).person(personId);
		if (personId == null && !typedName.isBlank()) {
			event.with("user.hash", nameHash(typedName));
		}
		event.write(Level.INFO);
	}

	void signedOut(@Nullable Long personId) {
		event("signout", "success").person(personId).write(Level.INFO);
	}

	void sessionTimedOut(String reason, @Nullable Long personId) {
		event("session.timeout", "failure").reason(reason).person(personId).write(Level.INFO);
	}

	void csrfRefused(String reason, @Nullable Long personId) {
		event("csrf.refused", "failure").reason(reason).person(personId).write(Level.INFO);
	}

	void accessRefused(String reason, @Nullable Long personId) {
		event("access.refused", "failure").reason(reason).person(personId).write(Level.INFO);
	}

	void caseNotFound(long personId, long caseId) {
		event("case.not_found", "failure").person(personId).with("case.id", caseId).write(Level.DEBUG);
	}

	void caseEnumeration(long personId, long caseId, RateLimitBuckets.Limit limit) {
		event("case.enumeration", "failure").reason("too_many_not_found")
			.person(personId)
			.with("case.id", caseId)
			.with("limit.count", limit.capacity())
			.with("limit.period", limit.period().toString())
			.write(Level.WARN);
	}

	void roleGranted(long adminId, long personId, Role role, long requestId) {
		event("role.granted", "success").person(adminId)
			.with("user.target.id", personId)
			.with("role", role.name())
			.with("access_request.id", requestId)
			.write(Level.INFO);
	}

	void accessRequestRejected(long adminId, long personId, Role role, long requestId) {
		event("access_request.rejected", "success").person(adminId)
			.with("user.target.id", personId)
			.with("role", role.name())
			.with("access_request.id", requestId)
			.write(Level.INFO);
	}

	void roleRevoked(long adminId, long personId, Role role) {
		event("role.revoked", "success").person(adminId)
			.with("user.target.id", personId)
			.with("role", role.name())
			.write(Level.INFO);
	}

	/** The portal's id of the person signed in with the authentication, if any. */
	static @Nullable Long personId(@Nullable Authentication authentication) {
		return (authentication != null && authentication.getPrincipal() instanceof PortalUserDetails signedIn)
				? signedIn.getUser().id() : null;
	}

	private static Event event(String action, String outcome) {
		return new Event(action, outcome);
	}

	private String nameHash(String typedName) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.nameKey);
			return shortly(mac.doFinal(typedName.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	/**
	 * Not keyed: a session id is random enough that its hash cannot be reversed, and
	 * every node must give a session the same hash.
	 */
	static String sessionHash(String sessionId) {
		try {
			return shortly(MessageDigest.getInstance("SHA-256")
				.digest(("kundesenter/session/" + sessionId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String shortly(byte[] digest) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, HASH_BYTES));
	}

	private static final class Event {

		private final Map<String, Object> pairs = new LinkedHashMap<>();

		Event(String action, String outcome) {
			this.pairs.put("event.action", action);
			this.pairs.put("event.outcome", outcome);
		}

		Event reason(String code) {
			return with("event.reason", code);
		}

		Event person(@Nullable Long personId) {
			return (personId != null) ? with("user.id", personId) : this;
		}

		Event with(String key, Object value) {
			this.pairs.put(key, value);
			return this;
		}

		void write(Level level) {
			if (!log.isEnabledForLevel(level)) {
				return;
			}
			addRequest();
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						emit(level);
					}
				});
			}
			else {
				emit(level);
			}
		}

		private void addRequest() {
			if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
				return;
			}
			HttpServletRequest request = attributes.getRequest();
			HttpSession session = request.getSession(false);
			String sessionId = (session != null) ? session.getId() : request.getRequestedSessionId();
			if (sessionId != null) {
				with("session.hash", sessionHash(sessionId));
			}
			String path = request.getRequestURI();
			with("http.request.method", request.getMethod());
			with("url.path", (path.length() > MAX_PATH) ? path.substring(0, MAX_PATH) : path);
		}

		private void emit(Level level) {
			LoggingEventBuilder line = log.atLevel(level);
			// The action first, then every other pair as key=value.
			StringBuilder message = new StringBuilder();
			for (Map.Entry<String, Object> pair : this.pairs.entrySet()) {
				line = line.addKeyValue(pair.getKey(), pair.getValue());
				if (message.isEmpty()) {
					message.append(pair.getValue());
				}
				else {
					message.append(' ').append(pair.getKey()).append('=').append(pair.getValue());
				}
			}
			line.setMessage(message.toString()).log();
		}

	}

}
