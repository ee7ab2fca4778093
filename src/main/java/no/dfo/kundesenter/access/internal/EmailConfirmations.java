package no.dfo.kundesenter.access.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.EmailAddress;
import no.dfo.kundesenter.access.EmailConfirmationRequested;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.internal.RateLimitBuckets.Demand;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's address for notices, confirmed before it is used: a new address gets a mail
 * with a link signed (HMAC) for that person, that address and a time limit. Nothing is
 * stored until the person, signed in, confirms it; single sign-on does not say where
 * agency people read their mail.
 */
@Component
public class EmailConfirmations {

	static final Duration VALID_FOR = Duration.ofHours(24);

	static final String CONFIRM_PATH = "/profil/epost/bekreft";

	private static final RateLimitBuckets.Limit MAILS_PER_PERSON = new RateLimitBuckets.Limit(5, Duration.ofHours(1));

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final RateLimitBuckets buckets;

	private final Clock clock;

	private final byte[] key;

	EmailConfirmations(JdbcTemplate jdbc, ApplicationEventPublisher events, AuditTrail audit, RateLimitBuckets buckets,
			Clock clock, AccessSettings settings) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.buckets = buckets;
		this.clock = clock;
		this.key = key(settings.identityKey());
	}

	/**
	 * A link is signed by a key derived from the identity key; without one, by this
	 * run's.
	 */
	private static byte[] key(@Nullable String identityKey) {
		if (identityKey == null || identityKey.length() < PersonIdentities.MINIMUM_KEY_LENGTH) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return random;
		}
		return hmac(identityKey.getBytes(StandardCharsets.UTF_8), "email-confirmation");
	}

	/** The address notices go to, or empty when there is none. */
	public Optional<String> current(long userId) {
		return this.jdbc.queryForList("select email from app_user where id = ?", String.class, userId)
			.stream()
			.filter((email) -> !email.isBlank())
			.findFirst();
	}

	/**
	 * Sends the link that confirms this address for this person.
	 * @return how long to wait when too many links were asked for lately; empty when the
	 * mail is on its way
	 */
	@Transactional
	public Optional<Duration> request(PortalUser person, String address) {
		if (!EmailAddress.isWellFormed(address)) {
			throw new IllegalArgumentException("Not an address");
		}
		Optional<Duration> wait = this.buckets
			.take(List.of(new Demand(RateLimitKeys.emailConfirmations(person.id()), MAILS_PER_PERSON, 1)));
		if (wait.isPresent()) {
			return wait;
		}
		Instant expires = this.clock.instant().plus(VALID_FOR);
		// Form-encoded, so that a "+" in the address does not come back as a space.
		String path = CONFIRM_PATH + "?adresse=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&utloper="
				+ expires.getEpochSecond() + "&kode=" + code(person.id(), address, expires.getEpochSecond());
		this.events.publishEvent(
				new EmailConfirmationRequested(person.id(), address, path, expires, LocaleContextHolder.getLocale()));
		return Optional.empty();
	}

	/** Whether a link is good for this person now. */
	public boolean valid(PortalUser person, String address, String expires, String code) {
		long seconds;
		try {
			seconds = Long.parseLong(expires);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (!EmailAddress.isWellFormed(address) || Instant.ofEpochSecond(seconds).isBefore(this.clock.instant())
				|| Instant.ofEpochSecond(seconds).isAfter(this.clock.instant().plus(VALID_FOR))) {
			return false;
		}
		return MessageDigest.isEqual(code(person.id(), address, seconds).getBytes(StandardCharsets.US_ASCII),
				code.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Makes the address the person's for notices, when the link is good.
	 * @return whether it was
	 */
	@Transactional
	public boolean confirm(PortalUser person, String address, String expires, String code) {
		if (!valid(person, address, expires, code)) {
			return false;
		}
		this.jdbc.update("update app_user set email = ? where id = ?", address, person.id());
		this.audit.record(person, AuditAction.EMAIL_CHANGED, null, "");
		return true;
	}

	private String code(long userId, String address, long expires) {
		String signed = userId + "\n" + address.toLowerCase(Locale.ROOT) + "\n" + expires;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(this.key, signed));
	}

	private static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
