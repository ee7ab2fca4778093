package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Keeps file content in an S3-compatible object store, one object per file, and its
 * wrapped data key in PostgreSQL: the store sees only the sealed chunks, and rotating a
 * key touches no object. The object is written first and its row after, in the caller's
 * transaction, so no row is without its object; an object whose transaction rolled back
 * is left over, harmless, until {@link ObjectStoreSweep} deletes it. Objects are deleted
 * once the deletion of their rows has committed. Files stored in PostgreSQL before the
 * object store was chosen are read from there.
 * <p>
 * Uploads are sent in parts of {@value #PART_CHUNKS} chunks (just over S3's smallest part
 * of 5 MiB), so one upload holds no more than one part in memory; a file that fits in one
 * part is one plain upload.
 */
class S3FileStore implements FileStore {

	private static final Logger log = LoggerFactory.getLogger(S3FileStore.class);

	static final String STORED_IN = "s3";

	static final int PART_CHUNKS = 20;

	private static final int DELETE_BATCH = 1000;

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final JdbcTemplate jdbc;

	private final ContentCipher cipher;

	private final PostgresFileStore inDatabase;

	S3FileStore(S3Client s3, String bucket, String prefix, JdbcTemplate jdbc, ContentCipher cipher) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.inDatabase = new PostgresFileStore(jdbc, cipher);
	}

	/** What the key of every object of this store begins with. */
	String prefix() {
		return this.prefix;
	}

	/** The object a file's content is kept in. */
	String objectKey(UUID id) {
		return this.prefix + id;
	}

	@Override
	public long write(UUID id, InputStream content) throws IOException {
		ContentCipher.FileKey key = this.cipher.newFileKey(id);
		Upload upload = new Upload(objectKey(id));
		SealedChunks.Written written;
		try {
			written = SealedChunks.seal(this.cipher, key.dataKey(), id, content, upload::add);
		}
		catch (IOException | RuntimeException ex) {
			upload.abort();
			throw ex;
		}
		this.jdbc.update(
				"insert into attachment_blob (id, key_id, wrapped_key, size_bytes, chunk_count, stored_in) "
						+ "values (?, ?, ?, ?, ?, ?)",
				id, key.keyId(), key.wrapped(), written.size(), written.chunks(), STORED_IN);
		return written.size();
	}

	@Override
	public InputStream read(UUID id) throws IOException {
		List<Blob> found = this.jdbc.query(
				"select key_id, wrapped_key, chunk_count, stored_in from attachment_blob where id = ?",
				(rs, row) -> new Blob(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getString(4)), id);
		if (found.isEmpty()) {
			throw new MissingContentException(id, "The key");
		}
		Blob blob = found.get(0);
		if (!STORED_IN.equals(blob.storedIn())) {
			return this.inDatabase.read(id);
		}
		SecretKey dataKey;
		try {
			dataKey = this.cipher.unwrap(id, blob.keyId(), blob.wrappedKey());
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("The key of stored content " + id + " cannot be opened", ex);
		}
		ResponseInputStream<GetObjectResponse> object;
		try {
			object = this.s3.getObject((get) -> get.bucket(this.bucket).key(objectKey(id)));
		}
		catch (NoSuchKeyException ex) {
			throw new MissingContentException(id, "The object " + objectKey(id));
		}
		catch (SdkException ex) {
			throw new IOException("The object store did not give stored content " + id, ex);
		}
		return SealedChunks.open(this.cipher, dataKey, id, blob.chunkCount(), new ObjectChunks(id, object));
	}

	@Override
	public boolean exists(UUID id) {
		return this.inDatabase.exists(id);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<String> keys = this.jdbc
			.query("delete from attachment_blob where id = any(?) returning id, stored_in",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())),
					(rs, row) -> STORED_IN.equals(rs.getString(2)) ? objectKey(rs.getObject(1, UUID.class)) : "")
			.stream()
			.filter((key) -> !key.isEmpty())
			.toList();
		if (keys.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deleteObjects(keys);
				}
			});
		}
		else {
			deleteObjects(keys);
		}
	}

	/**
	 * Deletes objects; what cannot be deleted now is left for the sweep.
	 */
	void deleteObjects(List<String> keys) {
		for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
			List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))
				.stream()
				.map((k) -> ObjectIdentifier.builder().key(k).build())
				.toList();
			try {
				var response = this.s3
					.deleteObjects((delete) -> delete.bucket(this.bucket).delete((d) -> d.objects(batch).quiet(true)));
				response.errors()
					.forEach((error) -> log.warn("Object {} of a deleted file was not deleted ({}); the sweep will",
							error.key(), error.code()));
			}
			catch (SdkException ex) {
				log.warn("{} objects of deleted files were not deleted ({}); the sweep will", batch.size(),
						ex.getMessage());
			}
		}
	}

	private record Blob(String keyId, byte[] wrappedKey, int chunkCount, String storedIn) {
	}

	/**
	 * One object's upload: a plain upload if the file fits in one part, else a multipart
	 * upload started when the first part is full.
	 */
	private final class Upload {

		private final String key;

		/**
		 * The sealed chunks of the part being filled, as they are: sent without copying.
		 */
		private final List<byte[]> part = new ArrayList<>(PART_CHUNKS);

		private long partLength;

		private final List<CompletedPart> parts = new ArrayList<>();

		private @Nullable String uploadId;

		Upload(String key) {
			this.key = key;
		}

		void add(int chunk, byte[] sealed, boolean last) throws IOException {
			this.part.add(sealed);
			this.partLength += sealed.length;
			try {
				if (last) {
					finish();
				}
				else if (this.part.size() == PART_CHUNKS) {
					sendPart();
				}
			}
			catch (SdkException ex) {
				throw new IOException("The object store did not take " + this.key, ex);
			}
		}

		private void sendPart() {
			if (this.uploadId == null) {
				this.uploadId = S3FileStore.this.s3
					.createMultipartUpload((create) -> create.bucket(S3FileStore.this.bucket)
						.key(this.key)
						.contentType("application/octet-stream"))
					.uploadId();
			}
			int number = this.parts.size() + 1;
			String etag = S3FileStore.this.s3
				.uploadPart((upload) -> upload.bucket(S3FileStore.this.bucket)
					.key(this.key)
					.uploadId(this.uploadId)
					.partNumber(number), body())
				.eTag();
			this.parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
			this.part.clear();
			this.partLength = 0;
		}

		private void finish() {
			if (this.uploadId == null) {
				S3FileStore.this.s3.putObject((put) -> put.bucket(S3FileStore.this.bucket)
					.key(this.key)
					.contentType("application/octet-stream"), body());
				return;
			}
			sendPart();
			S3FileStore.this.s3.completeMultipartUpload((complete) -> complete.bucket(S3FileStore.this.bucket)
				.key(this.key)
				.uploadId(this.uploadId)
				.multipartUpload((m) -> m.parts(this.parts)));
		}

		/**
		 * The part's chunks one after the other, as often as the SDK reads them (to sign,
		 * to retry).
		 */
		private RequestBody body() {
			List<byte[]> chunks = List.copyOf(this.part);
			return RequestBody.fromContentProvider(
					() -> new SequenceInputStream(
							Collections.enumeration(chunks.stream().map(ByteArrayInputStream::new).toList())),
					this.partLength, "application/octet-stream");
		}

		void abort() {
			if (this.uploadId != null) {
				try {
					S3FileStore.this.s3.abortMultipartUpload(
							(a) -> a.bucket(S3FileStore.this.bucket).key(this.key).uploadId(this.uploadId));
				}
				catch (SdkException ex) {
					log.warn("The upload of {} was not aborted ({})", this.key, ex.getMessage());
				}
			}
		}

	}

	/**
	 * The sealed chunks of one object, read in order from its download.
	 */
	private static final class ObjectChunks implements SealedChunks.Source {

		private static final int SEALED_CHUNK = SealedChunks.CHUNK_SIZE + SealedChunks.OVERHEAD;

		private final UUID id;

		private final ResponseInputStream<GetObjectResponse> object;

		private boolean done;

		ObjectChunks(UUID id, ResponseInputStream<GetObjectResponse> object) {
			this.id = id;
			this.object = object;
		}

		@Override
		public byte[] sealed(int chunk, boolean last) throws IOException {
			byte[] sealed = this.object.readNBytes(SEALED_CHUNK);
			if (!last && sealed.length < SEALED_CHUNK) {
				throw new IOException("The object of stored content " + this.id + " ends in chunk " + chunk);
			}
			if (last) {
				if (this.object.read() >= 0) {
					throw new IOException("The object of stored content " + this.id + " is longer than its chunks");
				}
				this.done = true;
			}
			return sealed;
		}

		@Override
		public void close() throws IOException {
			if (!this.done) {
				// Not read to the end: drop the connection rather than download the rest.
				this.object.abort();
			}
			this.object.close();
		}

	}

}
