package no.dfo.kundesenter.cases.targets;

import java.sql.Timestamp;
import java.time.Instant;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.ServiceTargetShares;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shares from the due times stored on the cases: one index range over the closed
 * cases of the category (V30).
 */
@Component
class JdbcServiceTargetShares implements ServiceTargetShares {

	private final JdbcTemplate jdbc;

	JdbcServiceTargetShares(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Share closed(Category category, Instant from, Instant to) {
		return this.jdbc.queryForObject("""
				select count(*) filter (where met), count(*) filter (where not met)
				from (select (coalesce(first_answered_at, closed_at) <= first_answer_due
				              and closed_at <= resolution_due) is true as met
				      from support_case
				      where category = ? and status = 'CLOSED' and closed_at >= ? and closed_at < ?) closed
				""", (rs, n) -> new Share(rs.getLong(1), rs.getLong(2)), category.name(), Timestamp.from(from),
				Timestamp.from(to));
	}

}
