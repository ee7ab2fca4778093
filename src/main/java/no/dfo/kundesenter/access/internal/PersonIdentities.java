package no.dfo.kundesenter.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People as single sign-on names them: by national identity number, which the portal
 * keeps only as a keyed hash (HMAC-SHA256 with {@code portal.access.identity-key}). The
 * number itself is never stored and never logged.
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
