package no.dfo.kundesenter.access.internal;

import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Which portal session belongs to which sign-in at a provider (issuer, subject and the
 * provider's session id {@code sid}), kept in PostgreSQL beside the sessions themselves:
 * a back-channel logout that reaches any node ends the session wherever it was used. Only
 * pseudonymous ids from the token are kept (the {@code sub} of Ansattporten and ID-porten
 * is not the national identity number).
 */
@Component
class OidcSessions implements OidcSessionRegistry {

	private final JdbcTemplate jdbc;

	private final FindByIndexNameSessionRepository<?> sessions;

	private final AuditTrail audit;

	OidcSessions(JdbcTemplate jdbc, FindByIndexNameSessionRepository<?> sessions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Override
	public void saveSessionInformation(OidcSessionInformation info) {
		if (!(info.getPrincipal() instanceof PortalOidcUser user)) {
			return;
		}
		OidcIdToken token = user.getIdToken();
		// Sign-ins whose sessions have ended by themselves are of no further use, nor are
		// those the provider ended long enough ago.
		this.jdbc.update("""
				delete from oidc_session o
				where (o.ended_at is null and o.created_at < now() - interval '1 hour'
				       and not exists (select 1 from spring_session s where s.session_id = o.session_id))
				   or o.ended_at < now() - interval '1 day'""");
		this.jdbc
			.update("""
					insert into oidc_session (session_id, user_id, issuer, subject, sid) values (?, ?, ?, ?, ?)
					on conflict (session_id) do update
					set user_id = excluded.user_id, issuer = excluded.issuer, subject = excluded.subject, sid = excluded.sid""",
					info.getSessionId(), user.getUser().id(), String.valueOf(token.getIssuer()), token.getSubject(),
					token.getClaimAsString("sid"));
	}

	@Override
	public @Nullable OidcSessionInformation removeSessionInformation(String clientSessionId) {
		this.jdbc.update("delete from oidc_session where session_id = ?", clientSessionId);
		return null;
	}

	@Override
	public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
		return end(logoutToken).stream()
			.map((ended) -> new OidcSessionInformation(ended.sessionId(), Map.of(),
					new DefaultOidcUser(List.of(),
							new OidcIdToken("not-kept", null, null,
									Map.of("iss", ended.issuer(), "sub", ended.subject())))))
			.toList();
	}

	/**
	 * Ends every portal session of the sign-in the logout token names: by its {@code sid}
	 * when it has one, else every session of its subject at that issuer.
	 */
	List<Ended> end(OidcLogoutToken logoutToken) {
		String issuer = String.valueOf(logoutToken.getIssuer());
		String sid = logoutToken.getSessionId();
		List<Ended> ended = (sid != null) ? this.jdbc.query("""
				update oidc_session set ended_at = now() where issuer = ? and sid = ? and ended_at is null
				returning session_id, user_id, issuer, subject""",
				(rs, n) -> new Ended(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), issuer, sid)
				: this.jdbc.query("""
						update oidc_session set ended_at = now() where issuer = ? and subject = ? and ended_at is null
						returning session_id, user_id, issuer, subject""",
						(rs, n) -> new Ended(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), issuer,
						logoutToken.getSubject());
		for (Ended session : ended) {
			this.sessions.deleteById(session.sessionId());
			this.audit.record(session.userId(), AuditAction.SIGNED_OUT, null, "by=provider");
		}
		return ended;
	}

	/**
	 * Whether the provider ended this session (a back-channel logout). Answers once: the
	 * sign-in is forgotten then.
	 */
	boolean endedByProvider(String sessionId) {
		return !this.jdbc
			.queryForList("delete from oidc_session where session_id = ? and ended_at is not null returning 1",
					Integer.class, sessionId)
			.isEmpty();
	}

	record Ended(String sessionId, long userId, String issuer, String subject) {
	}

}
