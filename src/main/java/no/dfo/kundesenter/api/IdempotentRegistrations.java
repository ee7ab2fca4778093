package no.dfo.kundesenter.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.AgencySystems;
import no.dfo.kundesenter.cases.AgencySystems.CaseRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration with an {@code Idempotency-Key}: the key is inserted in the transaction
 * that registers the case, under a unique index, so a retry of the same request finds the
 * first one's case (waiting for it to commit, if it runs at the same time) and never
 * makes a second.
 */
@Component
class IdempotentRegistrations {

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

	private final AgencySystems systems;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	IdempotentRegistrations(AgencySystems systems, JdbcTemplate jdbc, TransactionTemplate transactions,
			JsonMapper json) {
		this.systems = systems;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * @param key the request's {@code Idempotency-Key}; {@literal null} registers without
	 * one
	 * @throws InvalidKeyException if the key is not 1 to 200 visible ASCII characters
	 * @throws KeyReusedException if the key came before with another request
	 */
	Registered register(PortalUser agency, CaseRequest request, @Nullable String key) {
		if (key == null) {
			return new Registered(this.systems.register(agency, request), false);
		}
		if (!KEY.matcher(key).matches()) {
			throw new InvalidKeyException();
		}
		String hash = hash(request);
		Registered registered = this.transactions.execute((status) -> {
			int inserted = this.jdbc.update("""
					insert into api_idempotency_key (organization_id, idempotency_key, request_hash)
					values (?, ?, ?) on conflict do nothing""", agency.organizationId(), key, hash);
			if (inserted == 0) {
				List<Object[]> first = this.jdbc.query(
						"select request_hash, case_id from api_idempotency_key where organization_id = ? and idempotency_key = ?",
						(rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }, agency.organizationId(), key);
				if (first.isEmpty() || !hash.equals(first.get(0)[0])) {
					throw new KeyReusedException();
				}
				return new Registered((Long) first.get(0)[1], true);
			}
			long caseId = this.systems.register(agency, request);
			this.jdbc.update(
					"update api_idempotency_key set case_id = ? where organization_id = ? and idempotency_key = ?",
					caseId, agency.organizationId(), key);
			return new Registered(caseId, false);
		});
		return java.util.Objects.requireNonNull(registered);
	}

	private String hash(CaseRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param replayed whether an earlier request with the same key registered it
	 */
	record Registered(long caseId, boolean replayed) {
	}

	static final class InvalidKeyException extends RuntimeException {

		InvalidKeyException() {
			super("Idempotency-Key must be 1 to 200 visible ASCII characters");
		}

	}

	static final class KeyReusedException extends RuntimeException {

		KeyReusedException() {
			super("Idempotency-Key used before with another request");
		}

	}

}
