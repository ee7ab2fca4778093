package no.dfo.kundesenter.access;

/**
 * What a person did that the audit trail keeps. Names are stored in the database: only
 * add, never rename.
 */
public enum AuditAction {

	/** Opened a case page. */
	CASE_OPENED,

	/** Registered a case, from any channel. */
	CASE_REGISTERED,

	/** Downloaded an attachment. */
	ATTACHMENT_DOWNLOADED,

	/** Posted a message or an internal note. */
	MESSAGE_POSTED,

	/** Changed a case's status. */
	STATUS_CHANGED,

	/** Assigned a case to a caseworker. */
	CASE_ASSIGNED,

	/** Asked for a role (Bestille tilgang). */
	ACCESS_REQUESTED,

	/** Approved an access request (the role is granted at once). */
	ACCESS_REQUEST_APPROVED,

	/** Rejected an access request. */
	ACCESS_REQUEST_REJECTED,

	/** Gave a person a role. */
	ROLE_GRANTED,

	/** Took a role away from a person. */
	ROLE_REVOKED,

	/** Added an attachment: uploaded a draft, or made a file part of a case. */
	ATTACHMENT_ADDED,

	/** Removed an attachment (a draft: the owner, or the cleanup of forgotten drafts). */
	ATTACHMENT_REMOVED,

	/** Wrote a new canned reply (ferdigtekst). */
	CANNED_REPLY_CREATED,

	/** Changed a canned reply. */
	CANNED_REPLY_CHANGED,

	/** Deleted a canned reply. */
	CANNED_REPLY_DELETED,

	/** Uploaded a file the virus check stopped (nothing of the upload was stored). */
	ATTACHMENT_INFECTED,

	/** Signed in: the provider and level of assurance, never the identity number. */
	SIGNED_IN,

	/** Signed out (from the portal or, through back-channel logout, at the provider). */
	SIGNED_OUT,

	/** Confirmed a new e-mail address for notices. */
	EMAIL_CHANGED,

	/** Added an agency the portal serves. */
	AGENCY_ADDED,

	/** Linked an e-mail from an unknown sender to a person: it became their case. */
	MAIL_LINKED,

	/**
	 * Rejected an e-mail from an unknown sender or in quarantine, with a reason (the mail
	 * is kept).
	 */
	MAIL_REJECTED,

	/** Downloaded the original of an e-mail waiting in the inbox or in quarantine. */
	MAIL_DOWNLOADED,

	/**
	 * Downloaded the case list or a queue view as CSV: the filters and the number of
	 * rows.
	 */
	CASES_EXPORTED,

	/**
	 * A call of the JSON API by an agency's system that read or changed a case: the
	 * client id from its token and the operation.
	 */
	API_CALL,

	/** Let an agency's own systems use the API. */
	API_ENABLED,

	/** Stopped an agency's own systems from using the API. */
	API_DISABLED

}
