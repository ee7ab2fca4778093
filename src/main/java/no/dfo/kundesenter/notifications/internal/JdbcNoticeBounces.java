package no.dfo.kundesenter.notifications.internal;

import no.dfo.kundesenter.notifications.NoticeBounces;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcNoticeBounces implements NoticeBounces {

	private final JdbcTemplate jdbc;

	JdbcNoticeBounces(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean bounced(long noticeId) {
		return this.jdbc.update("update notice set status = 'FAILED', failed_at = now(), failure = 'REJECTED' "
				+ "where id = ? and status in ('SENT', 'SENDING')", noticeId) > 0;
	}

}
