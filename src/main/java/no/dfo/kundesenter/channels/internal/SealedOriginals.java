package no.dfo.kundesenter.channels.internal;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.dfo.kundesenter.attachments.ContentSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rotating the attachment key, for the originals of waiting mail: each is re-wrapped
 * under the current key (decision 0071), one at a time, as attachments are by their own
 * job.
 */
@Component
class SealedOriginals {

	private static final Logger log = LoggerFactory.getLogger(SealedOriginals.class);

	private final JdbcTemplate jdbc;

	private final ContentSeal seal;

	SealedOriginals(JdbcTemplate jdbc, ContentSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Scheduled(fixedDelayString = "${portal.attachments.key-rotation-interval:PT10M}",
			initialDelayString = "${portal.attachments.key-rotation-initial-delay:PT1M}")
	@SchedulerLock(name = "channels-originals-key-rotation", lockAtMostFor = "PT30M")
	void rewrapScheduled() {
		rewrap();
	}

	/**
	 * @return how many originals were re-wrapped
	 */
	int rewrap() {
		List<Long> ids = this.jdbc.queryForList("select id from received_mail where raw is not null order by id",
				Long.class);
		int rewrapped = 0;
		for (long id : ids) {
			byte[] sealed = this.jdbc
				.query("select raw from received_mail where id = ? and raw is not null", (rs, n) -> rs.getBytes(1), id)
				.stream()
				.findFirst()
				.orElse(null);
			if (sealed == null) {
				continue;
			}
			try {
				byte[] current = this.seal.rewrap(sealed);
				if (current != sealed && this.jdbc
					.update("update received_mail set raw = ? where id = ? and raw is not null", current, id) == 1) {
					rewrapped++;
				}
			}
			catch (IllegalArgumentException ex) {
				log.warn("The original of received mail {} cannot be opened: {}", id, ex.getMessage());
			}
		}
		if (rewrapped > 0) {
			log.info("Re-wrapped the keys of {} originals of received mail", rewrapped);
		}
		return rewrapped;
	}

}
