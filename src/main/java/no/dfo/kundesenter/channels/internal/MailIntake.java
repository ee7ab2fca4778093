package no.dfo.kundesenter.channels.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.EmailIntake;
import no.dfo.kundesenter.channels.internal.ParsedMail.MailFile;
import no.dfo.kundesenter.channels.internal.ReceivedMails.Outcome;
import no.dfo.kundesenter.channels.internal.ReceivedMails.Received;
import no.dfo.kundesenter.notifications.MailIds;
import no.dfo.kundesenter.notifications.NoticeBounces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one mail becomes: a case, a message on a case, a mail in triage, nothing (an
 * automatic mail or a bounce), or a quarantined mail. The mail is recorded in the same
 * transaction as what it became. Logs ids and reasons, never addresses or content.
 */
@Component
class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private static final Pattern CASE_TAG = Pattern.compile("(?:\\bsak|\\bcase|#)\\s*(?:nr\\.?\\s*)?(\\d{1,18})\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|sv|fw|fwd|vs|aw|wg)\\s*:\\s*)+",
			Pattern.CASE_INSENSITIVE);

	private final ReceivedMails received;

	private final UserDirectory users;

	private final CaseAccess access;

	private final EmailIntake cases;

	private final Attachments attachments;

	private final NoticeBounces bounces;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Receipts receipts;

	private final ChannelSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailIntake(ReceivedMails received, UserDirectory users, CaseAccess access, EmailIntake cases,
			Attachments attachments, NoticeBounces bounces, AuditTrail audit, MessageSource messages, Receipts receipts,
			ChannelSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.received = received;
		this.users = users;
		this.access = access;
		this.cases = cases;
		this.attachments = attachments;
		this.bounces = bounces;
		this.audit = audit;
		this.messages = messages;
		this.receipts = receipts;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Takes one mail read from a mailbox.
	 * @return what it became; {@link Outcome#IGNORED} also for a mail already taken under
	 * another UID (same Message-ID), which is not recorded again
	 */
	Taken take(Category mailbox, long uidValidity, long uid, byte[] raw) {
		Instant now = this.clock.instant();
		if (raw.length > this.settings.maxMailSize().toBytes()) {
			return quarantine(mailbox, uidValidity, uid, raw, null, "too-large");
		}
		ParsedMail mail;
		try {
			mail = MailParser.parse(raw);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return quarantine(mailbox, uidValidity, uid, raw, MailParser.messageIdOf(raw),
					"unreadable: " + ex.getClass().getSimpleName());
		}
		if (mail.messageId() != null && this.received.seenMessageId(mailbox, mail.messageId())) {
			return new Taken(Outcome.IGNORED, null, "duplicate");
		}
		try {
			return decide(mailbox, uidValidity, uid, raw, mail, now);
		}
		catch (RuntimeException ex) {
			log.warn("Mail {}/{} in the {} mailbox not taken ({}); quarantined", uidValidity, uid, mailbox,
					ex.getClass().getName());
			return quarantine(mailbox, uidValidity, uid, raw, mail.messageId(),
					"failed: " + ex.getClass().getSimpleName());
		}
	}

	private Taken decide(Category mailbox, long uidValidity, long uid, byte[] raw, ParsedMail mail, Instant now) {
		if (mail.noise() != null) {
			return switch (mail.noise()) {
				case BOUNCE -> bounce(mailbox, uidValidity, uid, raw, mail, now);
				case OUT_OF_OFFICE -> record(mailbox, uidValidity, uid, mail, now, Outcome.OUT_OF_OFFICE,
						"out-of-office", null, null, null);
				case AUTOMATIC ->
					record(mailbox, uidValidity, uid, mail, now, Outcome.IGNORED, "automatic", null, null, null);
				case OWN ->
					record(mailbox, uidValidity, uid, mail, now, Outcome.IGNORED, "own-message-id", null, null, null);
			};
		}
		if (mail.from() == null) {
			return record(mailbox, uidValidity, uid, mail, now, Outcome.TRIAGE, "no-sender", null, null, raw);
		}
		List<PortalUser> senders = this.users.agencyPeopleWithEmail(mail.from());
		if (senders.size() != 1) {
			return record(mailbox, uidValidity, uid, mail, now, Outcome.TRIAGE,
					senders.isEmpty() ? "unknown-sender" : "ambiguous-sender", null, null, raw);
		}
		PortalUser sender = senders.get(0);
		OptionalLong caseId = caseReferredTo(mail);
		if (caseId.isPresent() && this.access.isVisible(caseId.getAsLong(), sender)) {
			return reply(mailbox, uidValidity, uid, mail, now, sender, caseId.getAsLong());
		}
		if (this.received.newCasesSince(sender.id(), now.minus(Duration.ofHours(1))) >= this.settings
			.newCasesPerSenderPerHour()) {
			return record(mailbox, uidValidity, uid, mail, now, Outcome.TRIAGE, "sender-limit", null, sender.id(), raw);
		}
		Taken taken = newCase(mailbox, uidValidity, uid, mail, now, sender, mail.messageId(), null);
		if (taken.caseId() != null) {
			this.receipts.send(mail.from(), mail.messageId(), taken.caseId(), this.users.languageOf(sender.id()));
		}
		return taken;
	}

	/**
	 * The case a reply is about: by the portal's Message-IDs, else by the tag in the
	 * subject.
	 */
	static OptionalLong caseReferredTo(ParsedMail mail) {
		OptionalLong byId = MailIds.caseIn(mail.threading());
		if (byId.isPresent() || mail.subject() == null) {
			return byId;
		}
		Matcher m = CASE_TAG.matcher(mail.subject());
		return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
	}

	private Taken reply(Category mailbox, long uidValidity, long uid, ParsedMail mail, Instant now, PortalUser sender,
			long caseId) {
		Locale language = this.users.languageOf(sender.id());
		Uploaded files = upload(mail.files(), sender.id(), language);
		String text = messageText(mail.text(), files.refusals(), language);
		return this.transaction.execute((status) -> {
			this.cases.postReply(caseId, sender, text, files.ids());
			insert(mailbox, uidValidity, uid, mail, now, Outcome.MESSAGE, "reply", caseId, sender.id(), null);
			return new Taken(Outcome.MESSAGE, caseId, "reply");
		});
	}

	private Taken newCase(Category mailbox, long uidValidity, long uid, ParsedMail mail, Instant now, PortalUser sender,
			@Nullable String messageId, @Nullable LinkRequest link) {
		Locale language = this.users.languageOf(sender.id());
		Uploaded files = upload(mail.files(), sender.id(), language);
		String text = messageText(mail.text(), files.refusals(), language);
		String subject = subject(mail.subject(), language);
		return this.transaction.execute((status) -> {
			long caseId = this.cases.registerCase(sender, mailbox, subject, text, files.ids());
			if (link == null) {
				insert(mailbox, uidValidity, uid, mail, now, Outcome.CASE, "new-case", caseId, sender.id(), null);
			}
			else {
				if (!this.received.linked(link.rowId(), caseId, sender.id(), link.caseworker().id())) {
					throw new IllegalStateException("The mail was dealt with meanwhile");
				}
				this.audit.record(link.caseworker(), AuditAction.MAIL_LINKED, caseId,
						"mail=" + link.rowId() + " reporter=" + sender.id());
			}
			return new Taken(Outcome.CASE, caseId, "new-case");
		});
	}

	/**
	 * A caseworker links a mail in triage to a person: it becomes their case.
	 * @return the new case, or empty when the mail is no longer waiting
	 */
	OptionalLong link(long rowId, Category mailbox, PortalUser person, PortalUser caseworker) {
		byte[] raw = this.received.raw(rowId).orElse(null);
		if (raw == null) {
			return OptionalLong.empty();
		}
		ParsedMail mail;
		try {
			mail = MailParser.parse(raw);
		}
		catch (MessagingException | IOException ex) {
			return OptionalLong.empty();
		}
		Taken taken = newCase(mailbox, 0, 0, mail, this.clock.instant(), person, null,
				new LinkRequest(rowId, caseworker));
		return (taken.caseId() != null) ? OptionalLong.of(taken.caseId()) : OptionalLong.empty();
	}

	private Taken bounce(Category mailbox, long uidValidity, long uid, byte[] raw, ParsedMail mail, Instant now) {
		OptionalLong notice = MailIds.noticeIn(new String(raw, StandardCharsets.ISO_8859_1));
		return this.transaction.execute((status) -> {
			String reason = "bounce";
			if (notice.isPresent() && this.bounces.bounced(notice.getAsLong())) {
				reason = "bounce notice=" + notice.getAsLong();
				log.info("Notice {} bounced", notice.getAsLong());
			}
			insert(mailbox, uidValidity, uid, mail, now, Outcome.BOUNCE, reason, null, null, null);
			return new Taken(Outcome.BOUNCE, null, reason);
		});
	}

	private Taken record(Category mailbox, long uidValidity, long uid, ParsedMail mail, Instant now, Outcome outcome,
			String reason, @Nullable Long caseId, @Nullable Long senderId, byte @Nullable [] raw) {
		return this.transaction.execute((status) -> {
			insert(mailbox, uidValidity, uid, mail, now, outcome, reason, caseId, senderId, raw);
			return new Taken(outcome, caseId, reason);
		});
	}

	private void insert(Category mailbox, long uidValidity, long uid, ParsedMail mail, Instant now, Outcome outcome,
			String reason, @Nullable Long caseId, @Nullable Long senderId, byte @Nullable [] raw) {
		this.received.record(new Received(mailbox, uidValidity, uid, mail.messageId(), mail.from(),
				oneLine(mail.subject()), now, outcome, reason, caseId, senderId, raw));
	}

	/**
	 * A mail not read at all (too large): recorded, and kept in the quarantine folder.
	 */
	Taken quarantineUnread(Category mailbox, long uidValidity, long uid, @Nullable String messageId, String reason) {
		return quarantine(mailbox, uidValidity, uid, null, messageId, reason);
	}

	private Taken quarantine(Category mailbox, long uidValidity, long uid, byte @Nullable [] raw,
			@Nullable String messageId, String reason) {
		String id = (messageId != null && this.received.seenMessageId(mailbox, messageId)) ? null : messageId;
		return this.transaction.execute((status) -> {
			this.received.record(new Received(mailbox, uidValidity, uid, id, null, null, this.clock.instant(),
					Outcome.QUARANTINE, reason, null, null, raw));
			return new Taken(Outcome.QUARANTINE, null, reason);
		});
	}

	/** Every file on its own: one refused is named, the others are kept. */
	private Uploaded upload(List<MailFile> files, long senderId, Locale language) {
		List<UUID> ids = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (MailFile file : files) {
			try {
				for (Attachment a : this.attachments.uploadDrafts(List.of(new MailFileUpload(file)), senderId)) {
					ids.add(a.id());
				}
			}
			catch (AttachmentRejectedException ex) {
				Problem problem = ex.problems().isEmpty() ? Problem.of("other") : ex.problems().get(0);
				refusals.add(refusal(file.name(), problem, language));
			}
			catch (RateLimitExceededException ex) {
				refusals.add(refusal(file.name(), Problem.of("limit"), language));
			}
		}
		return new Uploaded(ids, refusals);
	}

	private String refusal(String name, Problem problem, Locale language) {
		String code = problem.code().replace("attachment.", "");
		String why = this.messages.getMessage("channels.refused." + code, problem.args().toArray(), "", language);
		if (why == null || why.isEmpty()) {
			why = this.messages.getMessage("channels.refused.other", null, language);
		}
		return this.messages.getMessage("channels.refused", new Object[] { oneLine(name), why }, language);
	}

	private String messageText(String text, List<String> refusals, Locale language) {
		String body = clean(text);
		if (body.isBlank()) {
			body = this.messages.getMessage("channels.mail.noText", null, language);
		}
		StringBuilder notes = new StringBuilder();
		for (String refusal : refusals) {
			notes.append("\n\n").append(refusal);
		}
		int room = EmailIntake.MAX_MESSAGE_LENGTH - notes.length();
		if (body.length() > room) {
			String cut = "\n\n" + this.messages.getMessage("channels.mail.cut", null, language);
			body = body.substring(0, Math.max(0, room - cut.length())) + cut;
		}
		return (body + notes).strip();
	}

	private String subject(@Nullable String subject, Locale language) {
		String clean = REPLY_PREFIX.matcher(oneLine(subject)).replaceFirst("").strip();
		if (clean.codePoints().noneMatch(Character::isLetterOrDigit)) {
			return this.messages.getMessage("channels.mail.noSubject", null, language);
		}
		return (clean.length() <= EmailIntake.MAX_SUBJECT_LENGTH) ? clean
				: clean.substring(0, EmailIntake.MAX_SUBJECT_LENGTH - 1).strip() + "…";
	}

	/** Text without control characters (line breaks and tabs stay), with \n line ends. */
	static String clean(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\r\n", "\n")
			.replace('\r', '\n')
			.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
			.replaceAll("[\\uFFFE\\uFFFF\\uFEFF]", "")
			.strip();
	}

	static String oneLine(@Nullable String text) {
		return clean(text).replaceAll("\\s+", " ").strip();
	}

	/** What a mail became. */
	record Taken(Outcome outcome, @Nullable Long caseId, String reason) {
	}

	private record Uploaded(List<UUID> ids, List<String> refusals) {
	}

	private record LinkRequest(long rowId, PortalUser caseworker) {
	}

}
