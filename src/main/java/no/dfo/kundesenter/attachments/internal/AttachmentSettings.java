package no.dfo.kundesenter.attachments.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize per file
 * @param maxCaseSize all files of one case together, and one person's drafts together
 * @param maxFilesPerUpload files in one upload
 * @param draftLifetime how long an unclaimed draft is kept
 * @param encryption the keys files are encrypted under
 * @param maxInflatedSize what all entries of a ZIP-based document (Word, Excel,
 * OpenDocument) may inflate to together
 * @param clamd the virus scanner every upload goes through, if there is one
 * @param store where file content is kept: in PostgreSQL, or in an S3-compatible object
 * store; either way encrypted by the portal, with its keys in PostgreSQL
 * @param s3 the object store, if that is where content is kept
 */
@ConfigurationProperties("portal.attachments")
record AttachmentSettings(@DefaultValue("25MB") DataSize maxFileSize, @DefaultValue("200MB") DataSize maxCaseSize,
		@DefaultValue("20") int maxFilesPerUpload, @DefaultValue("24h") Duration draftLifetime,
		@DefaultValue Encryption encryption, @DefaultValue("100MB") DataSize maxInflatedSize, @DefaultValue Clamd clamd,
		@DefaultValue("postgresql") Store store, @DefaultValue S3 s3) {

	enum Store {

		POSTGRESQL, S3

	}

	/**
	 * @param currentKey the id of the key new files are encrypted under
	 * @param keys every key that files may be encrypted under, by id, as Base64 of 32
	 * bytes (AES-256); old keys stay here until no file uses them
	 */
	record Encryption(@Nullable String currentKey, @Nullable Map<String, String> keys) {
	}

	/**
	 * @param host where clamd listens for TCP; without it uploads are not scanned
	 * @param port its {@code TCPSocket}
	 * @param timeout for one file's scan, from connecting to the answer; an upload whose
	 * scan takes longer is refused
	 */
	record Clamd(@Nullable String host, @DefaultValue("3310") int port, @DefaultValue("30s") Duration timeout) {
	}

	/**
	 * @param bucket the bucket; required with the object store
	 * @param endpoint the store's address, for a store other than Amazon S3 (MinIO, Ceph
	 * and the like); none: Amazon S3 of the region
	 * @param region the region; none: the AWS SDK's own chain ({@code AWS_REGION}, the
	 * profile)
	 * @param pathStyle whether the bucket is named in the path rather than the host name,
	 * as most stores other than Amazon S3 want
	 * @param prefix what every object's key begins with
	 */
	record S3(@Nullable String bucket, @Nullable URI endpoint, @Nullable String region,
			@DefaultValue("false") boolean pathStyle, @DefaultValue("attachments/") String prefix) {
	}

}
