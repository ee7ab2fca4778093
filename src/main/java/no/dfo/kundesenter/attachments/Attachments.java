package no.dfo.kundesenter.attachments;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * Storing, finding and reading attachments. Methods that take uploaded files ignore file
 * inputs left empty (no file chosen), check every file (type from the content, size,
 * count, the case's total) and store all of them or, with an
 * {@link AttachmentRejectedException}, none. Files that pass are counted against the
 * uploader's rate limit; past it they throw
 * {@link no.dfo.kundesenter.access.RateLimitExceededException} and none is stored. They
 * join the caller's transaction.
 */
public interface Attachments {

	/**
	 * The limits uploads are checked against.
	 */
	AttachmentLimits limits();

	/**
	 * Stores files uploaded before their case exists, owned by the uploader. Drafts that
	 * are not claimed within the draft lifetime (default 24 hours) are deleted.
	 * @return the new drafts, in the order given
	 * @throws AttachmentRejectedException if any file is refused
	 */
	List<Attachment> uploadDrafts(List<MultipartFile> files, long ownerId);

	/**
	 * The owner's drafts among the given ids, oldest first; ids that are not the owner's
	 * unclaimed drafts are left out.
	 */
	List<Attachment> drafts(long ownerId, Collection<UUID> ids);

	/**
	 * Deletes one of the owner's drafts.
	 * @return whether there was such a draft
	 */
	boolean deleteDraft(UUID id, long ownerId);

	/**
	 * Makes the owner's drafts part of a case, inside the caller's transaction (which
	 * must exist), so they stay drafts if the caller rolls back.
	 * @param messageId the message they came with; {@literal null} for none
	 * @throws AttachmentRejectedException if a draft is gone (deleted or expired) or the
	 * case's total would exceed its limit
	 */
	void claimDrafts(Collection<UUID> ids, long ownerId, long caseId, @Nullable Long messageId);

	/**
	 * Stores files directly for an existing case.
	 * @param messageId the message they come with; {@literal null} for files added on
	 * their own
	 * @throws AttachmentRejectedException if any file is refused
	 */
	List<Attachment> addToCase(List<MultipartFile> files, long caseId, @Nullable Long messageId, long addedBy);

	/**
	 * Every attachment of a case, in the order they were added.
	 */
	List<Attachment> listForCase(long caseId);

	/**
	 * Opens an attachment of the given case; an id of another case's attachment or of a
	 * draft is not found.
	 */
	Optional<AttachmentContent> open(long caseId, UUID attachmentId);

}
