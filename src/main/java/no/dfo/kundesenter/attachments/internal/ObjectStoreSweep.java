package no.dfo.kundesenter.attachments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes objects no file points to: those of uploads whose transaction rolled back, and
 * those whose deletion after their row's failed. Only objects older than a day, since an
 * upload writes its object before its row. Runs on every node; ShedLock lets one at a
 * time do the work.
 */
class ObjectStoreSweep {

	private static final Logger log = LoggerFactory.getLogger(ObjectStoreSweep.class);

	static final Duration MIN_AGE = Duration.ofDays(1);

	private final S3Client s3;

	private final String bucket;

	private final S3FileStore store;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ObjectStoreSweep(S3Client s3, String bucket, S3FileStore store, JdbcTemplate jdbc, Clock clock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portal.attachments.s3.sweep-interval:PT6H}",
			initialDelayString = "${portal.attachments.s3.sweep-initial-delay:PT30M}")
	@SchedulerLock(name = "attachments-object-sweep", lockAtMostFor = "PT1H")
	void sweepScheduled() {
		sweep(this.clock.instant().minus(MIN_AGE));
	}

	/**
	 * Deletes the objects last modified before the cutoff that no file's row points to.
	 * @return how many were deleted
	 */
	int sweep(Instant modifiedBefore) {
		int deleted = 0;
		for (var page : this.s3
			.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(this.store.prefix()))) {
			Map<UUID, String> candidates = page.contents()
				.stream()
				.filter((object) -> object.lastModified().isBefore(modifiedBefore))
				.map(S3Object::key)
				.filter((key) -> fileId(key) != null)
				.collect(Collectors.toMap(this::fileId, Function.identity()));
			if (candidates.isEmpty()) {
				continue;
			}
			Set<UUID> kept = new HashSet<>(this.jdbc.query("select id from attachment_blob where id = any(?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", candidates.keySet().toArray())),
					(rs, row) -> rs.getObject(1, UUID.class)));
			List<String> orphans = new ArrayList<>();
			candidates.forEach((id, key) -> {
				if (!kept.contains(id)) {
					orphans.add(key);
				}
			});
			this.store.deleteObjects(orphans);
			deleted += orphans.size();
		}
		if (deleted > 0) {
			log.info("Deleted {} objects no attachment points to", deleted);
		}
		return deleted;
	}

	private @Nullable UUID fileId(String key) {
		try {
			return UUID.fromString(key.substring(this.store.prefix().length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
