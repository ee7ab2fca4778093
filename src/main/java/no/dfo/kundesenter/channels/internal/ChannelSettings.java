package no.dfo.kundesenter.channels.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.channels.*}: the centre's mailboxes, by category ({@code payroll},
 * {@code accounting}), and how they are read.
 *
 * @param pollInterval the pause between two reads of a mailbox
 * @param maxBackoff the longest pause after reads that failed (doubling from the
 * interval)
 * @param newCasesPerSenderPerHour past this many new cases from one sender in an hour,
 * their mails wait in triage
 * @param maxMailSize a larger mail is quarantined unread
 * @param receiptSender the From of receipts
 * @param baseUrl the portal's address, for the link in a receipt
 */
@ConfigurationProperties("portal.channels")
record ChannelSettings(@DefaultValue Map<String, MailboxSettings> mailboxes,
		@DefaultValue("true") boolean fetchingEnabled, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("10m") Duration maxBackoff, @DefaultValue("20") int newCasesPerSenderPerHour,
		@DefaultValue("60MB") DataSize maxMailSize, @DefaultValue("500") int batchSize,
		@DefaultValue("Kundesenter på nett <ikke-svar@kundesenter.example>") String receiptSender,
		@DefaultValue("http://localhost:8080") String baseUrl) {

	/** The mailbox of a category, when one is configured (with a host). */
	Optional<MailboxSettings> mailbox(Category category) {
		MailboxSettings settings = this.mailboxes.get(key(category));
		return (settings != null && StringUtils.hasText(settings.host())) ? Optional.of(settings) : Optional.empty();
	}

	static String key(Category category) {
		return (category == Category.PAYROLL) ? "payroll" : "accounting";
	}

	String caseLink(long caseId) {
		return this.baseUrl.replaceAll("/+$", "") + "/saker/" + caseId;
	}

	/**
	 * One mailbox.
	 *
	 * @param protocol {@code imaps} (TLS) or {@code imap}
	 * @param folder where new mail arrives
	 * @param processedFolder where a mail goes once its case or message is committed
	 * @param quarantineFolder where a mail goes that could not be read
	 */
	record MailboxSettings(@Nullable String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol,
			@Nullable String username, @Nullable String password, @DefaultValue("INBOX") String folder,
			@DefaultValue("Behandlet") String processedFolder, @DefaultValue("Karantene") String quarantineFolder,
			@DefaultValue("20s") Duration timeout) {

		MailboxSettings {
			if (!protocol.equals("imap") && !protocol.equals("imaps")) {
				throw new IllegalArgumentException("A mailbox is read over imap or imaps, not " + protocol);
			}
		}

	}

}
