package no.dfo.kundesenter.cases.page;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseActions;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import no.dfo.kundesenter.cases.core.Message;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Writing on a case: the customer's messages, and the caseworker's replies and internal
 * notes together with a new status. Each action is one transaction that locks the case,
 * so two people writing at once both keep their messages (decision 0030).
 */
@Service
@Transactional
public class Conversation {

	private final Attachments attachments;

	private final CaseActions actions;

	Conversation(CaseActions actions, Attachments attachments) {
		this.attachments = attachments;
		this.actions = actions;
	}

	/**
	 * The customer (the reporter or a fagbruker who sees the case) adds a message. A
	 * closed or waiting case becomes active again.
	 * @param body must not be blank
	 * @throws CaseNotFoundException if the author may not see the case or is not on the
	 * customer side
	 */
	public Posted postCustomerMessage(long caseId, String body, PortalUser author) {
		return postCustomerMessage(caseId, body, List.of(), author);
	}

	/**
	 * The customer writes a message with attachments; the message and its files are kept
	 * together or not at all.
	 * @throws AttachmentRejectedException if a file is refused (nothing is kept)
	 */
	public Posted postCustomerMessage(long caseId, String body, List<MultipartFile> files, PortalUser author) {
		return postCustomer(caseId, body, author, null,
				(c, message) -> this.attachments.addToCase(files, c.getId(), message.getId(), author.id()));
	}

	/**
	 * As {@link #postCustomerMessage(long, String, List, PortalUser)}, on the case as the
	 * author last saw it.
	 * @throws CaseChangedException if the case's version is no longer
	 * {@code expectedVersion}; nothing is kept
	 */
	public Posted postCustomerMessage(long caseId, String body, List<MultipartFile> files, PortalUser author,
			long expectedVersion) {
		return postCustomer(caseId, body, author, expectedVersion,
				(c, message) -> this.attachments.addToCase(files, c.getId(), message.getId(), author.id()));
	}

	/**
	 * The customer's message with files they uploaded before as drafts (an e-mail's
	 * attachments, each checked on its own), claimed in this transaction.
	 * @throws CaseNotFoundException if the author may not see the case or is not on the
	 * customer side
	 */
	public Posted postCustomerMessageWithDrafts(long caseId, String body, List<UUID> draftIds, PortalUser author) {
		return postCustomer(caseId, body, author, null,
				(c, message) -> this.attachments.claimDrafts(draftIds, author.id(), c.getId(), message.getId()));
	}

	private Posted postCustomer(long caseId, String body, PortalUser author, @Nullable Long expectedVersion,
			BiConsumer<Case, Message> files) {
		if (!CaseAccessPolicy.actsAsCustomer(author)) {
			throw new CaseNotFoundException(caseId);
		}
		Case c = this.actions.lockVisible(caseId, author);
		if (expectedVersion != null && c.getVersion() != expectedVersion) {
			throw new CaseChangedException(caseId);
		}
		CaseStatus before = c.getStatus();
		Message message = c.addCustomerMessage(author.id(), body, this.actions.now());
		this.actions.save(c);
		files.accept(c, message);
		this.actions.messagePosted(c, message, author);
		this.actions.statusChanged(c, before, author);
		return new Posted(c.getId(), message.getId(), before, c.getStatus());
	}

	/**
	 * A caseworker of the case's category writes a public reply or an internal note, sets
	 * a new status, or both, in one step.
	 * @throws CaseNotFoundException for anyone but a caseworker of the category
	 * @throws CaseChangedException if the case changed since the caseworker's page was
	 * shown
	 * @throws IllegalStateException if the status move is not allowed (Utsatt without a
	 * public message, or not from the current status)
	 */
	public Posted respond(long caseId, Response response, PortalUser caseworker) {
		return respond(caseId, response, List.of(), caseworker);
	}

	/**
	 * As {@link #respond(long, Response, PortalUser)}, with files attached to the reply
	 * or note.
	 * @throws AttachmentRejectedException if a file is refused (nothing is kept)
	 */
	public Posted respond(long caseId, Response response, List<MultipartFile> files, PortalUser caseworker) {
		Case c = this.actions.lockForCaseworker(caseId, caseworker, response.expectedVersion());
		CaseStatus before = c.getStatus();
		Instant now = this.actions.now();
		Message message = null;
		if (response.body() != null) {
			message = response.internal() ? c.addInternalNote(caseworker.id(), response.body(), now)
					: c.reply(caseworker.id(), response.body(), now);
		}
		if (response.newStatus() != null && response.newStatus() != before) {
			c.changeStatus(response.newStatus(), caseworker.id(), message, now);
		}
		if (message == null && before == c.getStatus()) {
			throw new IllegalArgumentException("Nothing to do: neither a message nor a new status");
		}
		this.actions.save(c);
		if (message != null) {
			this.attachments.addToCase(files, c.getId(), message.getId(), caseworker.id());
			this.actions.messagePosted(c, message, caseworker);
		}
		this.actions.statusChanged(c, before, caseworker);
		return new Posted(c.getId(), (message != null) ? message.getId() : null, before, c.getStatus());
	}

	/**
	 * What the caseworker sends in one step.
	 *
	 * @param body the message, {@literal null} for a status change alone
	 * @param internal whether the message is an internal note
	 * @param newStatus the status to set, {@literal null} to keep it
	 * @param expectedVersion the case's version on the page the caseworker acted on
	 */
	public record Response(@Nullable String body, boolean internal, @Nullable CaseStatus newStatus,
			long expectedVersion) {
	}

	/**
	 * The outcome of writing on a case. Serializable: pages carry it to the next request
	 * in the (database-stored) session as a flash attribute.
	 *
	 * @param messageId the new message, {@literal null} if only the status changed
	 */
	public record Posted(long caseId, @Nullable Long messageId, CaseStatus before,
			CaseStatus after) implements Serializable {

		public boolean statusChanged() {
			return this.before != this.after;
		}

	}

}
