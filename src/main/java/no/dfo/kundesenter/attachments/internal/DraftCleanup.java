package no.dfo.kundesenter.attachments.internal;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes drafts nobody registered a case with. Runs on every node; ShedLock lets one
 * node at a time do the work, and the delete skips rows another transaction holds (a
 * draft being claimed right now).
 */
@Component
class DraftCleanup {

	private static final Logger log = LoggerFactory.getLogger(DraftCleanup.class);

	static final int BATCH = 500;

	private final AttachmentService attachments;

	private final AttachmentSettings settings;

	private final Clock clock;

	DraftCleanup(AttachmentService attachments, AttachmentSettings settings, Clock clock) {
		this.clock = clock;
		this.attachments = attachments;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${portal.attachments.cleanup-interval:PT1H}",
			initialDelayString = "${portal.attachments.cleanup-initial-delay:PT5M}")
	@SchedulerLock(name = "attachments-draft-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void deleteExpiredDrafts() {
		Instant cutoff = this.clock.instant().minus(this.settings.draftLifetime());
		int total = 0;
		int deleted;
		do {
			deleted = this.attachments.deleteDraftsUploadedBefore(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Deleted {} draft attachments uploaded before {}", total, cutoff);
		}
	}

}
