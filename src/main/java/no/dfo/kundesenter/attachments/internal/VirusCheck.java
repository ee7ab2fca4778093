package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans every file of an upload with clamd, where one is configured, before anything of
 * it is stored. A file clamd finds something in refuses the upload and is written to the
 * audit trail in a transaction of its own, so the line stays when the upload rolls back.
 * An upload clamd cannot scan (unreachable, too slow, an error) is refused as well:
 * nothing unscanned is stored.
 */
@Component
class VirusCheck {

	private static final Logger log = LoggerFactory.getLogger(VirusCheck.class);

	private static final int MAX_SIGNATURE = 100;

	private final @Nullable ClamdClient clamd;

	private final AuditTrail audit;

	private final TransactionTemplate ownTransaction;

	VirusCheck(ObjectProvider<ClamdClient> clamd, AuditTrail audit, PlatformTransactionManager transactions) {
		this.clamd = clamd.getIfAvailable();
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param addedBy who uploads them
	 * @param caseId the case they are for; {@literal null} for drafts
	 * @throws AttachmentRejectedException naming each file clamd found something in, or
	 * asking to try again later if clamd could not scan them
	 */
	void scan(List<CheckedFile> files, long addedBy, @Nullable Long caseId) {
		if (this.clamd == null) {
			return;
		}
		List<Problem> problems = new ArrayList<>();
		String where = (caseId != null) ? "case " + caseId : "drafts";
		for (int i = 0; i < files.size(); i++) {
			String position = (i + 1) + " of " + files.size();
			ClamdClient.Scan scan;
			try (InputStream in = files.get(i).file().getInputStream()) {
				scan = this.clamd.scan(in);
			}
			catch (IOException ex) {
				log.error("Upload by person {} to {} refused: file {} could not be scanned: {}", addedBy, where,
						position, ex.getMessage());
				problems.add(Problem.of("attachment.scanUnavailable"));
				break;
			}
			if (scan.infected()) {
				String signature = printable(scan.signature());
				log.warn("Upload by person {} to {} refused: file {} matched {}", addedBy, where, position, signature);
				record(addedBy, caseId, "signature=" + signature + " file=" + position);
				problems.add(Problem.of("attachment.infected", files.get(i).name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new AttachmentRejectedException(problems);
		}
	}

	private void record(long addedBy, @Nullable Long caseId, String detail) {
		try {
			this.ownTransaction.executeWithoutResult(
					(tx) -> this.audit.record(addedBy, AuditAction.ATTACHMENT_INFECTED, caseId, detail));
		}
		catch (RuntimeException ex) {
			// The upload is refused all the same.
			log.error("Audit line for a refused upload by person {} not written: {}", addedBy, detail, ex);
		}
	}

	/**
	 * A signature name as clamd sent it, kept to characters that are safe in a log line.
	 */
	private static String printable(@Nullable String signature) {
		String name = (signature != null) ? signature : "";
		StringBuilder kept = new StringBuilder();
		name.codePoints()
			.limit(MAX_SIGNATURE)
			.map((c) -> (c < 128 && (Character.isLetterOrDigit(c) || "._-:/".indexOf(c) >= 0)) ? c : '?')
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
