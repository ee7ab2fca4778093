package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps file content in PostgreSQL as encrypted chunks of {@value #CHUNK_SIZE} bytes, one
 * row each. Writing joins the caller's transaction; reading fetches one chunk at a time
 * with its own short query, so a slow download holds no connection.
 */
class PostgresFileStore implements FileStore {

	static final int CHUNK_SIZE = 256 * 1024;

	private final JdbcTemplate jdbc;

	private final ContentCipher cipher;

	PostgresFileStore(JdbcTemplate jdbc, ContentCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public long write(UUID id, InputStream content) throws IOException {
		ContentCipher.FileKey key = this.cipher.newFileKey(id);
		this.jdbc.update("insert into attachment_blob (id, key_id, wrapped_key, size_bytes, chunk_count) "
				+ "values (?, ?, ?, 0, 0)", id, key.keyId(), key.wrapped());
		PushbackInputStream in = new PushbackInputStream(content, 1);
		byte[] buffer = new byte[CHUNK_SIZE];
		long size = 0;
		int chunk = 0;
		boolean last = false;
		while (!last) {
			int length = in.readNBytes(buffer, 0, CHUNK_SIZE);
			int next = in.read();
			last = next < 0;
			if (!last) {
				in.unread(next);
			}
			byte[] sealed = this.cipher.seal(key.dataKey(), id, chunk, last, buffer, length);
			this.jdbc.update("insert into attachment_chunk (blob_id, seq, data) values (?, ?, ?)", id, chunk, sealed);
			size += length;
			chunk++;
		}
		this.jdbc.update("update attachment_blob set size_bytes = ?, chunk_count = ? where id = ?", size, chunk, id);
		return size;
	}

	@Override
	public InputStream read(UUID id) throws IOException {
		List<Blob> found = this.jdbc.query("select key_id, wrapped_key, chunk_count from attachment_blob where id = ?",
				(rs, row) -> new Blob(rs.getString("key_id"), rs.getBytes("wrapped_key"), rs.getInt("chunk_count")),
				id);
		if (found.isEmpty()) {
			throw new IOException("No stored content " + id);
		}
		Blob blob = found.get(0);
		try {
			return new ChunkStream(id, this.cipher.unwrap(id, blob.keyId(), blob.wrappedKey()), blob.chunkCount());
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("The key of stored content " + id + " cannot be opened", ex);
		}
	}

	@Override
	public boolean exists(UUID id) {
		return Boolean.TRUE.equals(this.jdbc
			.queryForObject("select exists (select 1 from attachment_blob where id = ?)", Boolean.class, id));
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.update("delete from attachment_blob where id = any(?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())));
		}
	}

	private record Blob(String keyId, byte[] wrappedKey, int chunkCount) {
	}

	/**
	 * Decrypts one chunk at a time, as it is read.
	 */
	private final class ChunkStream extends InputStream {

		private final UUID id;

		private final SecretKey dataKey;

		private final int chunkCount;

		private int nextChunk;

		private byte @Nullable [] current;

		private int position;

		ChunkStream(UUID id, SecretKey dataKey, int chunkCount) {
			this.id = id;
			this.dataKey = dataKey;
			this.chunkCount = chunkCount;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (this.current == null || this.position >= this.current.length) {
				if (this.nextChunk >= this.chunkCount) {
					return -1;
				}
				this.current = fetch(this.nextChunk++);
				this.position = 0;
			}
			int n = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, target, offset, n);
			this.position += n;
			return n;
		}

		private byte[] fetch(int chunk) throws IOException {
			List<byte[]> rows = PostgresFileStore.this.jdbc.query(
					"select data from attachment_chunk where blob_id = ? and seq = ?", (rs, row) -> rs.getBytes(1),
					this.id, chunk);
			if (rows.isEmpty()) {
				throw new IOException("Chunk " + chunk + " of stored content " + this.id + " is missing");
			}
			try {
				return PostgresFileStore.this.cipher.open(this.dataKey, this.id, chunk, chunk == this.chunkCount - 1,
						rows.get(0));
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("Chunk " + chunk + " of stored content " + this.id + " failed authentication",
						ex);
			}
		}

	}

}
