package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a restore: reads every stored file to its end, decrypting it as a download would,
 * before the portal reports itself ready, and logs how many could be read. Proof that the
 * database, the object store (if one is used) and the keys belong together. Only when
 * {@code portal.attachments.check-files=true}.
 */
@Component
@ConditionalOnProperty(prefix = "portal.attachments", name = "check-files", havingValue = "true")
class StoredFilesCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StoredFilesCheck.class);

	private static final int BATCH = 500;

	static final int KEEP_UNREADABLE = 1000;

	private final JdbcTemplate jdbc;

	private final FileStore store;

	StoredFilesCheck(JdbcTemplate jdbc, FileStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/**
	 * @param unreadable the first {@value #KEEP_UNREADABLE} files that could not be read
	 */
	record Result(long files, long readable, long bytes, long withoutContent, List<UUID> unreadable) {
	}

	@Override
	public void run(ApplicationArguments args) {
		check();
	}

	Result check() {
		long started = System.nanoTime();
		long files = 0;
		long readable = 0;
		long bytes = 0;
		List<UUID> unreadable = new ArrayList<>();
		UUID after = new UUID(0, 0);
		List<Stored> batch;
		do {
			batch = this.jdbc.query("select id, size_bytes from attachment_blob where id > ? order by id limit ?",
					(rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getLong(2)), after, BATCH);
			for (Stored file : batch) {
				files++;
				try (InputStream in = this.store.read(file.id())) {
					long read = in.transferTo(OutputStream.nullOutputStream());
					if (read == file.size()) {
						readable++;
						bytes += read;
					}
					else {
						log.warn("Stored file {} gave {} bytes, not {}", file.id(), read, file.size());
						remember(unreadable, file.id());
					}
				}
				catch (IOException ex) {
					log.warn("Stored file {} cannot be read: {}", file.id(), ex.getMessage());
					remember(unreadable, file.id());
				}
				after = file.id();
			}
		}
		while (batch.size() == BATCH);
		Long withoutContent = this.jdbc.queryForObject(
				"select count(*) from attachment a where not exists (select 1 from attachment_blob b where b.id = a.id)",
				Long.class);
		Result result = new Result(files, readable, bytes, (withoutContent != null) ? withoutContent : 0,
				List.copyOf(unreadable));
		log.info("Checked {} stored files in {} ms: {} readable ({} bytes), {} not; {} attachments without content",
				result.files(), (System.nanoTime() - started) / 1_000_000, result.readable(), result.bytes(),
				result.files() - result.readable(), result.withoutContent());
		return result;
	}

	private static void remember(List<UUID> unreadable, UUID id) {
		if (unreadable.size() < KEEP_UNREADABLE) {
			unreadable.add(id);
		}
	}

	private record Stored(UUID id, long size) {
	}

}
