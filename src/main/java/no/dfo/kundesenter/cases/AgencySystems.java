package no.dfo.kundesenter.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.attachments.AttachmentContent;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases for an agency's own systems, for the JSON API. The agency acts as its system
 * account ({@link no.dfo.kundesenter.access.ApiAgencies}), and every method goes the way
 * the web goes: one registration, the access policy, the conversation's status rules and
 * the attachments' checks. What the agency may not see answers
 * {@link CaseNotFoundException}; internal notes never show.
 */
public interface AgencySystems {

	/**
	 * Registers a case through the API (channel {@link Channel#API}), checked by the
	 * rules of the new-case form, for the person with {@code request.reporterEmail()} at
	 * the agency or, without one, for the system account. Joins the caller's transaction.
	 * @return the new case's id
	 * @throws CaseRequestInvalidException if a field breaks a rule; nothing is registered
	 */
	long register(PortalUser agency, CaseRequest request);

	/**
	 * The agency's cases matching the filter, oldest change first, from after the cursor.
	 * @param after the {@link CaseSlice#nextCursor()} of the slice before, or
	 * {@literal null} for the first
	 * @throws IllegalArgumentException if the cursor is not one this gave
	 */
	CaseSlice list(PortalUser agency, CaseFilter filter, @Nullable String after, int limit);

	/**
	 * One case with its public messages and the attachments the agency may see.
	 */
	CaseDetails read(long caseId, PortalUser agency);

	/**
	 * Adds the agency's message, with files, on the case as it saw it. A closed or
	 * waiting case becomes active again.
	 * @return the case after the message
	 * @throws CaseVersionMismatchException if the case changed since that version
	 * @throws CaseRequestInvalidException if the message is blank or too long
	 */
	CaseDetails postMessage(long caseId, PortalUser agency, @Nullable String body, List<MultipartFile> files,
			long expectedVersion);

	/**
	 * Adds files to the case on their own.
	 * @throws CaseVersionMismatchException if the case changed since that version
	 */
	List<AttachmentDetails> addAttachments(long caseId, PortalUser agency, List<MultipartFile> files,
			long expectedVersion);

	/**
	 * Opens an attachment of a case the agency sees, unless it came with an internal
	 * note. Close it when done.
	 */
	AttachmentContent openAttachment(long caseId, UUID attachmentId, PortalUser agency);

	/**
	 * A case as an agency's system sends it.
	 *
	 * @param category {@code PAYROLL} or {@code ACCOUNTING}
	 * @param voucher the payment voucher (payroll only); {@literal null} for none
	 * @param reporterEmail the e-mail of the agency's person the case is for;
	 * {@literal null} for the agency's system account
	 */
	record CaseRequest(@Nullable String category, @Nullable String subject, @Nullable String message,
			@Nullable VoucherRequest voucher, @Nullable String reporterEmail) {
	}

	/**
	 * Bilag til utbetaling as sent.
	 *
	 * @param payPeriod {@code YYYY-MM}
	 * @param amount NOK, positive, at most two decimals
	 */
	record VoucherRequest(@Nullable String employeeNumber, @Nullable String employeeName, @Nullable String payPeriod,
			@Nullable String amount, @Nullable String note) {
	}

	/**
	 * Which of the agency's cases to list; {@literal null} matches all.
	 */
	record CaseFilter(@Nullable CaseStatus status, @Nullable Category category, @Nullable Instant updatedSince) {
	}

	record CaseSlice(List<CaseSummary> cases, @Nullable String nextCursor) {
	}

	/**
	 * @param updatedAt when the case last changed as its agency sees it
	 * @param version the case's version, for {@code If-Match}
	 */
	record CaseSummary(long id, Category category, Channel channel, CaseStatus status, String subject, String reporter,
			Instant createdAt, Instant updatedAt, long version) {
	}

	record CaseDetails(long id, Category category, Channel channel, CaseStatus status, String subject, String reporter,
			Instant createdAt, Instant updatedAt, long version, @Nullable VoucherDetails voucher,
			List<MessageDetails> messages, List<AttachmentDetails> attachments) {
	}

	record VoucherDetails(String employeeNumber, String employeeName, String payPeriod, String amount,
			@Nullable String note) {
	}

	/**
	 * @param fromCentre whether the centre wrote it (else the agency's side)
	 */
	record MessageDetails(long id, boolean fromCentre, String author, String body, Instant createdAt) {
	}

	/**
	 * @param messageId the message it came with, {@literal null} for a file on its own
	 */
	record AttachmentDetails(UUID id, @Nullable Long messageId, String name, long size, String contentType,
			Instant addedAt) {
	}

}
