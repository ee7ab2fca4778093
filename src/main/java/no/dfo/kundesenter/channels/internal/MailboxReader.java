package no.dfo.kundesenter.channels.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.channels.internal.ChannelSettings.MailboxSettings;
import no.dfo.kundesenter.channels.internal.MailIntake.Taken;
import no.dfo.kundesenter.channels.internal.ReceivedMails.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one mailbox over IMAP, by UID, under a ShedLock per mailbox so one node at a time
 * reads it. Each mail is taken (and recorded) first, then moved to the processed or
 * quarantine folder; a mail that was recorded but not moved (a crash in between) is only
 * moved the next time.
 */
@Component
class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(15);

	private final ChannelSettings settings;

	private final MailIntake intake;

	private final ReceivedMails received;

	private final MailboxStatus status;

	private final LockProvider locks;

	private final Clock clock;

	private final MeterRegistry meters;

	MailboxReader(ChannelSettings settings, MailIntake intake, ReceivedMails received, MailboxStatus status,
			LockProvider locks, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.intake = intake;
		this.received = received;
		this.status = status;
		this.locks = locks;
		this.clock = clock;
		this.meters = meters;
	}

	/** The scheduled read: skipped while a failed read waits for its next attempt. */
	void readWhenDue(Category mailbox) {
		if (this.status.due(mailbox, this.clock.instant())) {
			read(mailbox);
		}
	}

	/**
	 * Reads everything waiting in the mailbox now.
	 * @return how many mails were taken, or -1 when another node holds the mailbox or
	 * reading failed
	 */
	int read(Category mailbox) {
		Optional<MailboxSettings> configured = this.settings.mailbox(mailbox);
		if (configured.isEmpty()) {
			return 0;
		}
		Optional<SimpleLock> lock = this.locks.lock(new LockConfiguration(this.clock.instant(),
				"channels-mailbox-" + ChannelSettings.key(mailbox), LOCK_AT_MOST, Duration.ZERO));
		if (lock.isEmpty()) {
			return -1;
		}
		try {
			int taken = readLocked(mailbox, configured.get());
			this.status.succeeded(mailbox, this.clock.instant());
			return taken;
		}
		catch (MessagingException | RuntimeException ex) {
			String problem = ex.getClass().getSimpleName();
			this.status.failed(mailbox, this.clock.instant(), problem);
			log.warn("Reading the {} mailbox failed: {} ({})", mailbox, problem, ex.getMessage());
			return -1;
		}
		finally {
			lock.get().unlock();
		}
	}

	private int readLocked(Category mailbox, MailboxSettings box) throws MessagingException {
		Session session = Session.getInstance(properties(box));
		int taken = 0;
		Instant started = this.clock.instant();
		try (Store store = session.getStore(box.protocol())) {
			store.connect(box.host(), box.port(), box.username(), box.password());
			Folder processed = existing(store, box.processedFolder());
			Folder quarantine = existing(store, box.quarantineFolder());
			Folder inbox = store.getFolder(box.folder());
			inbox.open(Folder.READ_WRITE);
			try {
				UIDFolder uids = (UIDFolder) inbox;
				long uidValidity = uids.getUIDValidity();
				Message[] messages = inbox.getMessages();
				FetchProfile profile = new FetchProfile();
				profile.add(UIDFolder.FetchProfileItem.UID);
				profile.add(FetchProfile.Item.FLAGS);
				inbox.fetch(messages, profile);
				for (Message message : messages) {
					if (message.isSet(Flags.Flag.DELETED)) {
						continue;
					}
					if (taken >= this.settings.batchSize() || Duration.between(started, this.clock.instant())
						.compareTo(LOCK_AT_MOST.dividedBy(2)) > 0) {
						break;
					}
					long uid = uids.getUID(message);
					Outcome outcome = this.received.outcomeAt(mailbox, uidValidity, uid).orElse(null);
					if (outcome == null) {
						outcome = take(mailbox, uidValidity, uid, message).outcome();
						taken++;
						this.meters
							.counter("portal.mails.received", "mailbox", mailbox.name().toLowerCase(Locale.ROOT),
									"outcome", outcome.name().toLowerCase(Locale.ROOT))
							.increment();
					}
					Folder target = outcome.quarantined() ? quarantine : processed;
					inbox.copyMessages(new Message[] { message }, target);
					message.setFlag(Flags.Flag.DELETED, true);
				}
			}
			finally {
				inbox.close(true);
			}
		}
		return taken;
	}

	private Taken take(Category mailbox, long uidValidity, long uid, Message message) throws MessagingException {
		byte[] raw;
		try {
			int size = message.getSize();
			if (size > this.settings.maxMailSize().toBytes()) {
				// Kept in the quarantine folder only.
				return this.intake.quarantineUnread(mailbox, uidValidity, uid, messageId(message), "too-large");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
			message.writeTo(out);
			raw = out.toByteArray();
		}
		catch (FolderClosedException | StoreClosedException ex) {
			throw ex;
		}
		catch (IOException | MessagingException ex) {
			// The server cannot hand this one mail over: kept there, in quarantine.
			log.warn("Mail {}/{} in the {} mailbox could not be fetched: {}", uidValidity, uid, mailbox,
					ex.getClass().getName());
			return this.intake.quarantineUnread(mailbox, uidValidity, uid, messageId(message),
					"unreadable: " + ex.getClass().getSimpleName());
		}
		return this.intake.take(mailbox, uidValidity, uid, raw);
	}

	private static @Nullable String messageId(Message message) {
		try {
			String[] ids = message.getHeader("Message-ID");
			return (ids != null && ids.length > 0) ? ids[0].strip() : null;
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static Folder existing(Store store, String name) throws MessagingException {
		Folder folder = store.getFolder(name);
		if (!folder.exists()) {
			folder.create(Folder.HOLDS_MESSAGES);
		}
		return folder;
	}

	private static Properties properties(MailboxSettings box) {
		Properties properties = new Properties();
		String timeout = String.valueOf(box.timeout().toMillis());
		for (String protocol : new String[] { "imap", "imaps" }) {
			properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
			properties.setProperty("mail." + protocol + ".timeout", timeout);
			properties.setProperty("mail." + protocol + ".writetimeout", timeout);
			properties.setProperty("mail." + protocol + ".partialfetch", "false");
		}
		properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
		return properties;
	}

}
