package no.dfo.kundesenter.channels.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.mail.MessagingException;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.channels.internal.ReceivedMails.Outcome;
import no.dfo.kundesenter.channels.internal.ReceivedMails.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseworkers' inbox: mails from unknown or ambiguous senders, waiting to be linked
 * to a person or rejected, and mails in quarantine. A caseworker sees the mails of the
 * categories they work on; nobody else sees any.
 */
@Service
class Inbox {

	private final ReceivedMails received;

	private final CaseAccess access;

	private final UserDirectory users;

	private final MailIntake intake;

	private final AuditTrail audit;

	private final MailboxStatus status;

	private final ChannelSettings settings;

	Inbox(ReceivedMails received, CaseAccess access, UserDirectory users, MailIntake intake, AuditTrail audit,
			MailboxStatus status, ChannelSettings settings) {
		this.received = received;
		this.access = access;
		this.users = users;
		this.intake = intake;
		this.audit = audit;
		this.status = status;
		this.settings = settings;
	}

	List<Category> categories(PortalUser viewer) {
		return this.access.categoriesWorkedOnBy(viewer);
	}

	List<Row> waiting(PortalUser viewer) {
		return this.received.waiting(categories(viewer), Outcome.TRIAGE);
	}

	List<Row> quarantined(PortalUser viewer) {
		return this.received.waiting(categories(viewer), Outcome.QUARANTINE);
	}

	/** The mailboxes of the viewer's categories that cannot be read now. */
	List<Failing> failing(PortalUser viewer) {
		return categories(viewer).stream()
			.filter((c) -> this.settings.mailbox(c).isPresent())
			.flatMap((
					c) -> this.status.of(c).filter(MailboxStatus.State::failing).stream().map((s) -> new Failing(c, s)))
			.toList();
	}

	/** A mail the viewer may deal with, with its text and file names. */
	@Transactional(readOnly = true)
	Optional<Shown> show(long id, PortalUser viewer) {
		Optional<Row> row = this.received.find(id).filter((r) -> categories(viewer).contains(r.mailbox()));
		if (row.isEmpty()) {
			return Optional.empty();
		}
		String text = "";
		List<String> files = List.of();
		byte[] raw = this.received.raw(id).orElse(null);
		boolean waits = row.get().outcome() == Outcome.TRIAGE || row.get().outcome() == Outcome.QUARANTINE;
		if (raw != null && row.get().outcome() == Outcome.TRIAGE) {
			try {
				ParsedMail mail = MailParser.parse(raw);
				text = MailIntake.clean(mail.text());
				files = mail.files().stream().map((f) -> MailIntake.oneLine(f.name())).toList();
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				text = "";
			}
		}
		return Optional.of(new Shown(row.get(), text, files, raw != null, waits));
	}

	/**
	 * The original of a mail the viewer may deal with, as it came from the mailbox; the
	 * download is audited.
	 */
	@Transactional
	Optional<byte[]> original(long id, PortalUser viewer) {
		Optional<byte[]> raw = this.received.find(id)
			.filter((r) -> categories(viewer).contains(r.mailbox()))
			.flatMap((r) -> this.received.raw(id));
		raw.ifPresent((r) -> this.audit.record(viewer, AuditAction.MAIL_DOWNLOADED, null, "mail=" + id));
		return raw;
	}

	/**
	 * Links a waiting mail to the one agency-side person with the address.
	 * @return the new case; empty when no single person has the address
	 * @throws IllegalStateException when the mail no longer waits
	 */
	LinkResult link(long id, String email, PortalUser caseworker) {
		Row row = this.received.find(id)
			.filter((r) -> categories(caseworker).contains(r.mailbox()) && r.outcome() == Outcome.TRIAGE)
			.orElseThrow(() -> new IllegalStateException("Not waiting"));
		List<PortalUser> people = this.users.agencyPeopleWithEmail(email);
		if (people.size() != 1) {
			return new LinkResult(null,
					people.isEmpty() ? "channels.link.email.unknown" : "channels.link.email.ambiguous");
		}
		OptionalLong caseId = this.intake.link(id, row.mailbox(), people.get(0), caseworker);
		if (caseId.isEmpty()) {
			throw new IllegalStateException("Not waiting");
		}
		return new LinkResult(caseId.getAsLong(), null);
	}

	@Transactional
	boolean reject(long id, String reason, PortalUser caseworker) {
		Optional<Row> row = this.received.find(id)
			.filter((r) -> categories(caseworker).contains(r.mailbox())
					&& (r.outcome() == Outcome.TRIAGE || r.outcome() == Outcome.QUARANTINE));
		if (row.isEmpty() || !this.received.rejected(id, reason, caseworker.id())) {
			return false;
		}
		this.audit.record(caseworker, AuditAction.MAIL_REJECTED, null, "mail=" + id);
		return true;
	}

	/**
	 * @param originalKept whether the original can be downloaded
	 * @param waiting whether it still waits for a caseworker (in triage or quarantine)
	 */
	record Shown(Row row, String text, List<String> files, boolean originalKept, boolean waiting) {
	}

	record Failing(Category mailbox, MailboxStatus.State state) {
	}

	record LinkResult(@Nullable Long caseId, @Nullable String errorCode) {
	}

}
