package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rotating the attachment key on the shared test database: files are written under an old
 * key, then the demo key (the one every other test reads with) becomes current with the
 * old one still configured, and the job re-wraps them.
 */
@SpringBootTest
class KeyRotationTests {

	private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	/** The demo profile's key (application-demo.properties). */
	private static final String DEMO_KEY = "ZGVtby1rZXktZm9yLWt1bmRlc2VudGVyLWRlbW8tMDE=";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void filesUnderTheOldKeyAreRewrappedUnderTheCurrentOneWithTheirContentUntouched() throws IOException {
		var old = new PostgresFileStore(this.jdbc, new ContentCipher("k2025", Map.of("k2025", OLD_KEY)));
		byte[] content = "Sykmelding for mars, 42 000 kr".repeat(20_000).getBytes(StandardCharsets.UTF_8);
		UUID id = write(old, content);
		List<byte[]> chunksBefore = chunks(id);

		var rotating = new ContentCipher("demo", Map.of("demo", DEMO_KEY, "k2025", OLD_KEY));
		int rewrapped = new KeyRotation(this.jdbc, rotating, this.transactions).rewrap();

		assertThat(rewrapped).isPositive();
		assertThat(this.jdbc.queryForObject("select key_id from attachment_blob where id = ?", String.class, id))
			.isEqualTo("demo");
		assertThat(chunks(id)).as("no content encrypted again").containsExactlyElementsOf(chunksBefore);
		var oldKeyRemoved = new PostgresFileStore(this.jdbc, new ContentCipher("demo", Map.of("demo", DEMO_KEY)));
		assertThat(readAll(oldKeyRemoved, id)).isEqualTo(content);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(old, id));
		assertThat(new KeyRotation(this.jdbc, rotating, this.transactions).rewrap()).as("nothing left").isZero();
	}

	@Test
	void withOnlyTheCurrentKeyConfiguredNothingIsTouched() throws IOException {
		var old = new PostgresFileStore(this.jdbc, new ContentCipher("k2024", Map.of("k2024", OLD_KEY)));
		UUID id = write(old, "fra 2024".getBytes(StandardCharsets.UTF_8));

		int rewrapped = new KeyRotation(this.jdbc, new ContentCipher("demo", Map.of("demo", DEMO_KEY)),
				this.transactions)
			.rewrap();

		assertThat(rewrapped).isZero();
		assertThat(this.jdbc.queryForObject("select key_id from attachment_blob where id = ?", String.class, id))
			.isEqualTo("k2024");
	}

	@Test
	void sealedValuesAreRewrappedLikeFiles() {
		var before = new EnvelopeSeal(new ContentCipher("k2025", Map.of("k2025", OLD_KEY)));
		var rotating = new EnvelopeSeal(new ContentCipher("demo", Map.of("demo", DEMO_KEY, "k2025", OLD_KEY)));
		var oldKeyRemoved = new EnvelopeSeal(new ContentCipher("demo", Map.of("demo", DEMO_KEY)));
		byte[] mail = "Subject: Sykmelding\r\n\r\nvedlagt".getBytes(StandardCharsets.UTF_8);
		byte[] sealed = before.seal(mail);

		byte[] rewrapped = rotating.rewrap(sealed);

		assertThat(oldKeyRemoved.open(rewrapped)).isEqualTo(mail);
		assertThat(rotating.rewrap(rewrapped)).as("already under the current key").isSameAs(rewrapped);
	}

	private UUID write(FileStore target, byte[] content) {
		UUID id = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			try {
				target.write(id, new ByteArrayInputStream(content));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return id;
	}

	private List<byte[]> chunks(UUID id) {
		return this.jdbc.query("select data from attachment_chunk where blob_id = ? order by seq",
				(rs, n) -> rs.getBytes(1), id);
	}

	private static byte[] readAll(FileStore source, UUID id) throws IOException {
		try (InputStream in = source.read(id)) {
			return in.readAllBytes();
		}
	}

}
