package no.dfo.kundesenter.access.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the rows of buckets that have been full for a while, so the table holds only
 * the keys of the last hour or so. ShedLock lets one node at a time do it; the delete
 * skips rows a bucket operation holds.
 */
@Component
class RateLimitCleanup {

	private static final Logger log = LoggerFactory.getLogger(RateLimitCleanup.class);

	static final int BATCH = 1000;

	private final RateLimitBuckets buckets;

	RateLimitCleanup(RateLimitBuckets buckets) {
		this.buckets = buckets;
	}

	@Scheduled(fixedDelayString = "${portal.rate-limits.cleanup-interval:PT15M}",
			initialDelayString = "${portal.rate-limits.cleanup-initial-delay:PT5M}")
	@SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void removeExpiredBuckets() {
		int total = 0;
		int removed;
		do {
			removed = this.buckets.removeExpired(BATCH);
			total += removed;
		}
		while (removed == BATCH);
		if (total > 0) {
			log.debug("Deleted {} rate-limit buckets that were full again", total);
		}
	}

}
