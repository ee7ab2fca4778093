package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People as single sign-on names them: by national identity number, which the portal
 * keeps only as a keyed hash (HMAC-SHA256 with {@code portal.access.identity-key}), or,
 * for the centre's own staff at Entra ID, by object id. The number itself is never stored
 * and never logged.
 */
@Component
class PersonIdentities {

	static final int MINIMUM_KEY_LENGTH = 32;

	private static final String CENTRE_NAME = "Kundesenteret";

	private final JdbcTemplate jdbc;

	private final AccessSettings settings;

	PersonIdentities(JdbcTemplate jdbc, AccessSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Whether a usable key is configured. */
	boolean configured() {
		String key = this.settings.identityKey();
		return key != null && key.length() >= MINIMUM_KEY_LENGTH;
	}

	/** The keyed hash of a national identity number, as 64 hexadecimal digits. */
	String hash(String pid) {
		String key = this.settings.identityKey();
		if (key == null || key.length() < MINIMUM_KEY_LENGTH) {
			throw new IllegalStateException(
					"portal.access.identity-key is not set (at least " + MINIMUM_KEY_LENGTH + " characters)");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(pid.strip().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/**
	 * The person with this identity, created without any role (at the centre, until an
	 * approved request moves them to their agency) when they are new. Their name follows
	 * the one the provider gives.
	 * @return the person's id
	 */
	@Transactional
	long signIn(String pidHash, String fullName) {
		long centre = centreOrganization();
		Long id = this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id, pid_hash)
				values (?, ?, '', ?, ?)
				on conflict (pid_hash) do update set full_name = excluded.full_name
				returning id""", Long.class, "sso-" + pidHash.substring(0, 16), fullName, centre, pidHash);
		return id;
	}

	/**
	 * The person with this Entra ID object id. A person at the centre not yet tied to one
	 * is found by a verified e-mail address that only they have there, and tied to it
	 * from then on; anyone else is created without any role, as
	 * {@link #signIn(String, String)} does. Entra ID is the centre's own directory: it
	 * never names an agency's people.
	 * @param verifiedEmail the address the provider vouches for, or {@literal null}
	 * @return the person's id
	 */
	@Transactional
	long signInByObjectId(UUID objectId, String fullName, @Nullable String verifiedEmail) {
		Long known = findByObjectId(objectId);
		long centre = centreOrganization();
		if (known == null && verifiedEmail != null) {
			List<Long> byEmail = this.jdbc.query("""
					select id from app_user
					where lower(email) = lower(?) and organization_id = ? and entra_object_id is null
					for update""", (rs, n) -> rs.getLong(1), verifiedEmail, centre);
			if (byEmail.size() == 1) {
				known = byEmail.get(0);
				this.jdbc.update("update app_user set entra_object_id = ? where id = ?", objectId, known);
			}
		}
		if (known != null) {
			this.jdbc.update("update app_user set full_name = ? where id = ?", fullName, known);
			return known;
		}
		return this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id, entra_object_id)
				values (?, ?, ?, ?, ?)
				on conflict (entra_object_id) do update set full_name = excluded.full_name
				returning id""", Long.class, "entra-" + objectId, fullName,
				(verifiedEmail != null) ? verifiedEmail : "", centre, objectId);
	}

	/** The person with this Entra ID object id, if there is one. */
	@Nullable Long findByObjectId(UUID objectId) {
		return this.jdbc.query("select id from app_user where entra_object_id = ?", (rs, n) -> rs.getLong(1), objectId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The organization number of the agency (or centre) a person works for. */
	String organizationNumber(long userId) {
		return this.jdbc.queryForObject(
				"select o.org_number from app_user u join organization o on o.id = u.organization_id where u.id = ?",
				String.class, userId);
	}

	/** The person with this identity, if there is one. */
	@Nullable Long find(String pidHash) {
		return this.jdbc.query("select id from app_user where pid_hash = ?", (rs, n) -> rs.getLong(1), pidHash)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** The centre's organization, created when a new installation has none yet. */
	long centreOrganization() {
		this.jdbc.update(
				"insert into organization (org_number, name) values (?, ?) on conflict (org_number) do nothing",
				this.settings.centreOrgNumber(), CENTRE_NAME);
		return this.jdbc.queryForObject("select id from organization where org_number = ?", Long.class,
				this.settings.centreOrgNumber());
	}

}
