package no.dfo.kundesenter.notifications.internal;

import java.time.Duration;
import java.util.Optional;

import no.dfo.kundesenter.access.EmailAddress;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.notifications.MailIds;
import no.dfo.kundesenter.notifications.internal.Notices.Failure;
import no.dfo.kundesenter.notifications.internal.Notices.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the notices that are due, one mail per notice (so per case and batch window).
 * Safe on several nodes: each claims its notices in the database first (decision 0041).
 * Logs only ids, the address's domain and why: never the address in full or content.
 */
@Component
class NoticeSender {

	private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

	private static final int BATCH = 50;

	private final Notices notices;

	private final NoticeMailComposer composer;

	private final Mailer mailer;

	private final UserDirectory users;

	private final NotificationSettings settings;

	private final RetrySchedule retries;

	NoticeSender(Notices notices, NoticeMailComposer composer, Mailer mailer, UserDirectory users,
			NotificationSettings settings) {
		this.notices = notices;
		this.composer = composer;
		this.mailer = mailer;
		this.users = users;
		this.settings = settings;
		this.retries = new RetrySchedule(settings);
	}

	/**
	 * Sends everything due now.
	 * @return how many notices were claimed
	 */
	int sendDue() {
		int claimed = 0;
		for (var batch = this.notices.claimDue(BATCH, this.settings.claimTimeout()); !batch
			.isEmpty(); batch = this.notices.claimDue(BATCH, this.settings.claimTimeout())) {
			batch.forEach(this::send);
			claimed += batch.size();
		}
		return claimed;
	}

	private void send(Notice notice) {
		Optional<String> address = this.users.emailOf(notice.recipientId());
		if (address.isEmpty() || address.get().isBlank()) {
			fail(notice, Failure.NO_ADDRESS, "");
			return;
		}
		if (!EmailAddress.isWellFormed(address.get())) {
			fail(notice, Failure.INVALID_ADDRESS, address.get());
			return;
		}
		try {
			this.mailer.send(this.composer
				.compose(notice.caseId(), notice.kinds(), address.get(), this.users.languageOf(notice.recipientId()))
				.withMessageId(MailIds.notice(notice.id(), notice.caseId(), this.settings.sender())));
			this.notices.markSent(notice.id());
		}
		catch (DeliveryFailedException ex) {
			if (ex.isPermanent()) {
				fail(notice, Failure.REJECTED, address.get());
				return;
			}
			Duration wait = this.retries.waitAfter(notice.attempts());
			if (wait == null) {
				fail(notice, Failure.GAVE_UP, address.get());
				return;
			}
			log.warn("Notice {} for case {} to {} not sent on attempt {} ({}); trying again in {}", notice.id(),
					notice.caseId(), masked(address.get()), notice.attempts(), ex.getMessage(), wait);
			this.notices.retryLater(notice.id(), wait);
		}
		catch (RuntimeException ex) {
			// Left SENDING: claimed again once the claim timed out.
			log.error("Notice {} for case {} not sent: {}", notice.id(), notice.caseId(), ex.getClass().getName());
		}
	}

	private void fail(Notice notice, Failure failure, String address) {
		log.error("Notice {} for case {} to {} given up on after {} attempt(s): {}", notice.id(), notice.caseId(),
				masked(address), notice.attempts(), failure);
		this.notices.markFailed(notice.id(), failure);
	}

	/**
	 * Enough to tell which mail server refused, not who the person is.
	 */
	static String masked(String address) {
		int at = address.lastIndexOf('@');
		return (at < 0) ? "(no domain)" : "***" + address.substring(at);
	}

}
