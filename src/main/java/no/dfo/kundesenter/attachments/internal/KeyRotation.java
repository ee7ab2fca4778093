package no.dfo.kundesenter.attachments.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the attachment key: once a new key is current, re-wraps every file's data key
 * under it, a batch at a time; the files' content is not encrypted again. When no file is
 * left under an older key (the log says so, and the gauge
 * {@code portal.attachments.files.old.keys} is 0), that key can be removed. Runs on every
 * node; ShedLock lets one at a time do the work.
 */
@Component
class KeyRotation implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	static final int BATCH = 200;

	private final JdbcTemplate jdbc;

	private final ContentCipher cipher;

	private final TransactionTemplate transaction;

	private final AtomicLong left = new AtomicLong();

	KeyRotation(JdbcTemplate jdbc, ContentCipher cipher, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${portal.attachments.key-rotation-interval:PT10M}",
			initialDelayString = "${portal.attachments.key-rotation-initial-delay:PT1M}")
	@SchedulerLock(name = "attachments-key-rotation", lockAtMostFor = "PT30M")
	void rewrapScheduled() {
		rewrap();
	}

	/**
	 * Re-wraps every data key not under the current key.
	 * @return how many were re-wrapped
	 */
	int rewrap() {
		if (!this.cipher.hasOtherKeys()) {
			this.left.set(0);
			return 0;
		}
		String current = this.cipher.currentKeyId();
		int total = 0;
		int failed = 0;
		UUID after = new UUID(0, 0);
		List<Blob> batch;
		do {
			UUID from = after;
			batch = this.jdbc.query(
					"select id, key_id, wrapped_key from attachment_blob where key_id <> ? and id > ? order by id limit ?",
					(rs, n) -> new Blob(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)), current, from,
					BATCH);
			for (Blob blob : batch) {
				Boolean done = this.transaction.execute((status) -> rewrap(blob));
				if (Boolean.TRUE.equals(done)) {
					total++;
				}
				else {
					failed++;
				}
				after = blob.id();
			}
		}
		while (batch.size() == BATCH);
		Long remaining = this.jdbc.queryForObject("select count(*) from attachment_blob where key_id <> ?", Long.class,
				current);
		this.left.set((remaining != null) ? remaining : 0);
		if (total > 0 || this.left.get() > 0) {
			log.info("Re-wrapped {} attachment keys under key {}; {} files remain under older keys ({} could not be "
					+ "opened)", total, current, this.left.get(), failed);
		}
		return total;
	}

	private boolean rewrap(Blob blob) {
		try {
			ContentCipher.FileKey key = this.cipher.rewrap(blob.id(), blob.keyId(), blob.wrapped());
			return this.jdbc.update(
					"update attachment_blob set key_id = ?, wrapped_key = ? where id = ? and key_id = ? and wrapped_key = ?",
					key.keyId(), key.wrapped(), blob.id(), blob.keyId(), blob.wrapped()) == 1;
		}
		catch (java.security.GeneralSecurityException ex) {
			log.warn("The key of stored content {} cannot be opened with key {}", blob.id(), blob.keyId());
			return false;
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("portal.attachments.files.old.keys", this.left, AtomicLong::get)
			.description("Files under a key other than the current one after the last rotation run")
			.register(registry);
	}

	private record Blob(UUID id, String keyId, byte[] wrapped) {
	}

}
