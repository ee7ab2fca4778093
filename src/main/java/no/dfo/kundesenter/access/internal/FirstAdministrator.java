package no.dfo.kundesenter.access.internal;

import java.util.UUID;
import java.util.function.LongSupplier;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a new installation be taken into use without demo data: while nobody is
 * administrator, the person named by {@code portal.access.first-administrator} (a
 * national identity number, kept only as its keyed hash) becomes administrator at the
 * centre, to grant everyone else their access. The setting may instead be an Entra ID
 * object id, for an administrator from the centre's own directory. Once anyone is
 * administrator the setting does nothing.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdministrator.class);

	/** One node at a time names the first administrator. */
	private static final long LOCK = 0x6b73_6661_646dL;

	private final AccessSettings settings;

	private final PersonIdentities identities;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	FirstAdministrator(AccessSettings settings, PersonIdentities identities, JdbcTemplate jdbc,
			TransactionTemplate transactions, AuditTrail audit) {
		this.settings = settings;
		this.identities = identities;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		String named = this.settings.firstAdministrator();
		if (named == null || named.isBlank()) {
			return;
		}
		UUID objectId = OidcSignIn.objectId(named);
		if (objectId != null) {
			this.transactions.executeWithoutResult((status) -> name(() -> {
				Long existing = this.identities.findByObjectId(objectId);
				return (existing != null) ? existing
						: this.identities.signInByObjectId(objectId, "Administrator", null);
			}));
			return;
		}
		if (!this.identities.configured()) {
			throw new IllegalStateException("portal.access.first-administrator is set, but portal.access.identity-key "
					+ "is not: set PORTAL_ACCESS_IDENTITYKEY (README, configuration)");
		}
		String pidHash = this.identities.hash(named);
		this.transactions.executeWithoutResult((status) -> name(() -> {
			Long existing = this.identities.find(pidHash);
			return (existing != null) ? existing : this.identities.signIn(pidHash, "Administrator");
		}));
	}

	private void name(LongSupplier person) {
		this.jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from user_role where role = ?)",
				Boolean.class, Role.ADMINISTRATOR.name()))) {
			return;
		}
		long centre = this.identities.centreOrganization();
		long id = person.getAsLong();
		if (Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from user_role where user_id = ?)",
				Boolean.class, id))) {
			logger.warn("The first administrator (user {}) holds roles at an agency already; not made administrator",
					id);
			return;
		}
		this.jdbc.update("update app_user set organization_id = ? where id = ?", centre, id);
		this.jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, Role.ADMINISTRATOR.name());
		this.jdbc.update("""
				insert into role_change (user_id, organization_id, role, change, changed_by, reason)
				values (?, ?, ?, 'GRANTED', ?, 'portal.access.first-administrator')""", id, centre,
				Role.ADMINISTRATOR.name(), id);
		this.audit.recordBySystem(AuditAction.ROLE_GRANTED, null,
				"user=" + id + " role=" + Role.ADMINISTRATOR + " by=first-administrator");
		logger.info("User {} is the first administrator (portal.access.first-administrator)", id);
	}

}
