package no.dfo.kundesenter.attachments.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
class AttachmentsConfiguration {

	/** Form fields and small files stay in memory; anything larger goes to disk. */
	private static final int IN_MEMORY_THRESHOLD = 64 * 1024;

	@Bean
	ContentCipher attachmentContentCipher(AttachmentSettings settings) {
		return new ContentCipher(settings.encryption().currentKey(), settings.encryption().keys());
	}

	@Bean
	@ConditionalOnProperty(prefix = "portal.attachments", name = "store", havingValue = "postgresql",
			matchIfMissing = true)
	PostgresFileStore attachmentFileStore(JdbcTemplate jdbc, ContentCipher cipher) {
		return new PostgresFileStore(jdbc, cipher);
	}

	/** Only where a clamd is configured; without one, uploads are not scanned. */
	@Bean
	@ConditionalOnProperty(prefix = "portal.attachments.clamd", name = "host")
	ClamdClient clamdClient(AttachmentSettings settings) {
		AttachmentSettings.Clamd clamd = settings.clamd();
		return new ClamdClient(Objects.requireNonNullElse(clamd.host(), ""), clamd.port(), clamd.timeout());
	}

	/**
	 * The servlet container's multipart limits, derived from ours so they cannot drift
	 * apart: loose enough that our own checks see a file that is somewhat too large (and
	 * name it in their message), tight enough that no request can bring more to disk than
	 * one case may hold. Replaces {@code spring.servlet.multipart.*}.
	 */
	@Bean
	MultipartConfigElement attachmentMultipartConfig(AttachmentSettings settings) {
		long perFile = 2 * settings.maxFileSize().toBytes();
		long perRequest = settings.maxCaseSize().toBytes() + 1024 * 1024;
		return new MultipartConfigElement("", perFile, perRequest, IN_MEMORY_THRESHOLD);
	}

	/**
	 * Content in an S3-compatible object store (decision 0080). Credentials come from the
	 * AWS SDK's default chain (environment, profile, web identity, instance role) unless
	 * the context has an {@link AwsCredentialsProvider} of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "portal.attachments", name = "store", havingValue = "s3")
	static class ObjectStoreConfiguration {

		@Bean(destroyMethod = "close")
		S3Client attachmentObjectStoreClient(AttachmentSettings settings,
				ObjectProvider<AwsCredentialsProvider> credentials) {
			AttachmentSettings.S3 s3 = settings.s3();
			S3ClientBuilder builder = S3Client.builder()
				.httpClientBuilder(UrlConnectionHttpClient.builder()
					.connectionTimeout(Duration.ofSeconds(10))
					.socketTimeout(Duration.ofSeconds(60)))
				.credentialsProvider(credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build()))
				.forcePathStyle(s3.pathStyle())
				// The portal seals every chunk with AES-GCM; checksums besides those S3
				// requires
				// add nothing, and not every S3-compatible store knows the newer ones.
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
			if (s3.endpoint() != null) {
				builder.endpointOverride(s3.endpoint());
			}
			if (s3.region() != null) {
				builder.region(Region.of(s3.region()));
			}
			return builder.build();
		}

		@Bean
		S3FileStore attachmentFileStore(S3Client attachmentObjectStoreClient, AttachmentSettings settings,
				JdbcTemplate jdbc, ContentCipher cipher) {
			String bucket = settings.s3().bucket();
			if (bucket == null || bucket.isBlank()) {
				throw new IllegalStateException(
						"portal.attachments.store=s3 needs the bucket: set portal.attachments.s3.bucket");
			}
			return new S3FileStore(attachmentObjectStoreClient, bucket, settings.s3().prefix(), jdbc, cipher);
		}

		@Bean("objectStore")
		ObjectStoreHealth attachmentObjectStoreHealth(S3Client attachmentObjectStoreClient,
				AttachmentSettings settings) {
			return new ObjectStoreHealth(attachmentObjectStoreClient, Objects.requireNonNull(settings.s3().bucket()));
		}

		@Bean
		ObjectStoreSweep attachmentObjectStoreSweep(S3Client attachmentObjectStoreClient, S3FileStore store,
				AttachmentSettings settings, JdbcTemplate jdbc, Clock clock) {
			return new ObjectStoreSweep(attachmentObjectStoreClient, Objects.requireNonNull(settings.s3().bucket()),
					store, jdbc, clock);
		}

	}

}
