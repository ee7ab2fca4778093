package no.dfo.kundesenter.cases.core;

import java.util.List;

import no.dfo.kundesenter.cases.targets.ServiceTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open, running cases without due times (written outside the portal, such as the demo's)
 * get them at start, in batches, exactly as on a change: V30 fills the rest in SQL.
 */
@Component
class DueTimesBackfill {

	private static final Logger log = LoggerFactory.getLogger(DueTimesBackfill.class);

	private static final int BATCH = 200;

	private final CaseRepository cases;

	private final ServiceTargets targets;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	DueTimesBackfill(CaseRepository cases, ServiceTargets targets, JdbcTemplate jdbc,
			TransactionTemplate transactions) {
		this.cases = cases;
		this.targets = targets;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void fill() {
		long after = 0;
		int filled = 0;
		while (true) {
			List<Long> ids = this.jdbc.queryForList("""
					select id from support_case
					where next_due is null and status in ('ACTIVE', 'IN_PROGRESS') and id > ?
					order by id limit ?""", Long.class, after, BATCH);
			if (ids.isEmpty()) {
				break;
			}
			this.transactions.executeWithoutResult((tx) -> this.cases.findAllById(ids).forEach((c) -> {
				c.findFirstAnswer();
				c.computeDues(this.targets);
			}));
			filled += ids.size();
			after = ids.get(ids.size() - 1);
		}
		if (filled > 0) {
			log.info("Due times computed for {} open cases", filled);
		}
	}

}
