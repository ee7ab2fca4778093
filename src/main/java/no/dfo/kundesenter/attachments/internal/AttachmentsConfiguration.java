package no.dfo.kundesenter.attachments.internal;

import java.util.Objects;

import javax.sql.DataSource;

import jakarta.servlet.MultipartConfigElement;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
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

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
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
