package no.dfo.kundesenter.attachments.internal;

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
 */
@ConfigurationProperties("portal.attachments")
record AttachmentSettings(@DefaultValue("25MB") DataSize maxFileSize, @DefaultValue("200MB") DataSize maxCaseSize,
		@DefaultValue("20") int maxFilesPerUpload, @DefaultValue("24h") Duration draftLifetime,
		@DefaultValue Encryption encryption, @DefaultValue("100MB") DataSize maxInflatedSize,
		@DefaultValue Clamd clamd) {

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

}
