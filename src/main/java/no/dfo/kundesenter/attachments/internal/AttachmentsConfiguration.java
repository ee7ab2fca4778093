package no.dfo.kundesenter.attachments.internal;

import java.util.Objects;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AttachmentsConfiguration {

	/** Form fields and small files stay in memory; anything larger goes to disk. */
	private static final int IN_MEMORY_THRESHOLD = 64 * 1024;

	@Bean
	ContentCipher attachmentContentCipher(AttachmentSettings settings) {
		return new ContentCipher(settings.encryption().currentKey(), settings.encryption().keys());
	}

	@Bean
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

}
