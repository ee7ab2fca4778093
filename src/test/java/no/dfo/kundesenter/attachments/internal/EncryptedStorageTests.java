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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest
class EncryptedStorageTests {

	private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String NEW_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PostgresFileStore store;

	/** Recognisable text over several chunks, so every chunk can be checked. */
	private static byte[] payslips() {
		var text = new StringBuilder();
		while (text.length() < 2 * PostgresFileStore.CHUNK_SIZE + 1000) {
			text.append("Lønnsslipp for Ærlig Øvre, mars 2026: 42 000 kr. ");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private UUID write(FileStore target, byte[] content) {
		UUID id = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			try {
				assertThat(target.write(id, new ByteArrayInputStream(content))).isEqualTo(content.length);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return id;
	}

	private static byte[] readAll(FileStore source, UUID id) throws IOException {
		try (InputStream in = source.read(id)) {
			return in.readAllBytes();
		}
	}

	@Test
	void theDatabaseHoldsNoPlaintextAndReadingGivesTheOriginalBack() throws IOException {
		byte[] content = payslips();
		UUID id = write(this.store, content);

		List<byte[]> chunks = this.jdbc.query("select data from attachment_chunk where blob_id = ? order by seq",
				(rs, row) -> rs.getBytes(1), id);
		assertThat(chunks).hasSize(3);
		byte[] needle = "Lønnsslipp".getBytes(StandardCharsets.UTF_8);
		for (byte[] chunk : chunks) {
			assertThat(indexOf(chunk, needle)).isEqualTo(-1);
		}
		assertThat(this.jdbc.queryForObject("select key_id from attachment_blob where id = ?", String.class, id))
			.isEqualTo("demo");
		assertThat(readAll(this.store, id)).isEqualTo(content);
	}

	@Test
	void aTamperedChunkFailsToRead() throws IOException {
		UUID id = write(this.store, payslips());
		this.jdbc.update("update attachment_chunk set data = set_byte(data, 100, get_byte(data, 100) # 1) "
				+ "where blob_id = ? and seq = 1", id);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(this.store, id))
			.withMessageContaining("failed authentication");
	}

	@Test
	void swappedOrMissingChunksFailToRead() throws IOException {
		UUID id = write(this.store, payslips());
		this.jdbc.update("delete from attachment_chunk where blob_id = ? and seq = 2", id);
		this.jdbc.update("update attachment_blob set chunk_count = 2 where id = ?", id);
		// Chunk 1 was sealed as "not the last", so a file cut after it is noticed.
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(this.store, id));
	}

	@Test
	void filesStayReadableUnderTheirOwnKeyAfterTheCurrentKeyChanges() throws IOException {
		var before = new PostgresFileStore(this.jdbc, new ContentCipher("k2025", Map.of("k2025", OLD_KEY)));
		UUID old = write(before, "skrevet i 2025".getBytes(StandardCharsets.UTF_8));

		var after = new PostgresFileStore(this.jdbc,
				new ContentCipher("k2026", Map.of("k2025", OLD_KEY, "k2026", NEW_KEY)));
		UUID fresh = write(after, "skrevet i 2026".getBytes(StandardCharsets.UTF_8));

		assertThat(this.jdbc.queryForObject("select key_id from attachment_blob where id = ?", String.class, fresh))
			.isEqualTo("k2026");
		assertThat(readAll(after, old)).asString(StandardCharsets.UTF_8).isEqualTo("skrevet i 2025");
		assertThat(readAll(after, fresh)).asString(StandardCharsets.UTF_8).isEqualTo("skrevet i 2026");

		var withoutOldKey = new PostgresFileStore(this.jdbc, new ContentCipher("k2026", Map.of("k2026", NEW_KEY)));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(withoutOldKey, old));
		var wrongKeyUnderOldId = new PostgresFileStore(this.jdbc, new ContentCipher("k2025", Map.of("k2025", NEW_KEY)));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(wrongKeyUnderOldId, old));
	}

	@Test
	void withoutAUsableKeyTheApplicationDoesNotStart() {
		assertThatIllegalStateException().isThrownBy(() -> new ContentCipher(null, null))
			.withMessageContaining("portal.attachments.encryption.keys");
		assertThatIllegalStateException().isThrownBy(() -> new ContentCipher("a", Map.of("b", OLD_KEY)))
			.withMessageContaining("current-key");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new ContentCipher("short", Map.of("short", Base64.getEncoder().encodeToString(new byte[16]))))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new ContentCipher("x", Map.of("x", "not base64!")));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
