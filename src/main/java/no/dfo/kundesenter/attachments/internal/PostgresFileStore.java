package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps file content in PostgreSQL as encrypted chunks of {@value #CHUNK_SIZE} bytes, one
 * row each. Writing joins the caller's transaction; reading fetches one chunk at a time
 * with its own short query, so a slow download holds no connection.
 */
class PostgresFileStore implements FileStore {

	static final int CHUNK_SIZE = SealedChunks.CHUNK_SIZE;

	static final String STORED_IN = "postgresql";

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
		SealedChunks.Written written = SealedChunks.seal(this.cipher, key.dataKey(), id, content,
				(chunk, sealed, last) -> this.jdbc
					.update("insert into attachment_chunk (blob_id, seq, data) values (?, ?, ?)", id, chunk, sealed));
		this.jdbc.update("update attachment_blob set size_bytes = ?, chunk_count = ? where id = ?", written.size(),
				written.chunks(), id);
		return written.size();
	}

	@Override
	public InputStream read(UUID id) throws IOException {
		List<Blob> found = this.jdbc.query(
				"select key_id, wrapped_key, chunk_count, stored_in from attachment_blob where id = ?",
				(rs, row) -> new Blob(rs.getString("key_id"), rs.getBytes("wrapped_key"), rs.getInt("chunk_count"),
						rs.getString("stored_in")),
				id);
		if (found.isEmpty()) {
			throw new MissingContentException(id, "The key");
		}
		Blob blob = found.get(0);
		if (!STORED_IN.equals(blob.storedIn())) {
			throw new IOException("Stored content " + id + " is kept in the object store (" + blob.storedIn()
					+ "), which portal.attachments.store does not choose");
		}
		try {
			return SealedChunks.open(this.cipher, this.cipher.unwrap(id, blob.keyId(), blob.wrappedKey()), id,
					blob.chunkCount(), (chunk, last) -> fetch(id, chunk));
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("The key of stored content " + id + " cannot be opened", ex);
		}
	}

	private byte[] fetch(UUID id, int chunk) throws IOException {
		List<byte[]> rows = this.jdbc.query("select data from attachment_chunk where blob_id = ? and seq = ?",
				(rs, row) -> rs.getBytes(1), id, chunk);
		if (rows.isEmpty()) {
			throw new MissingContentException(id, "Chunk " + chunk);
		}
		return rows.get(0);
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

	private record Blob(String keyId, byte[] wrappedKey, int chunkCount, String storedIn) {
	}

}
