package no.dfo.kundesenter.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CannedTexts;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.Category;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ferdigtekster: the caseworkers of a category keep them together. Anyone who is not a
 * caseworker of the text's category gets "not found". Every change is in the audit trail
 * by the text's id and category, never its title or text.
 */
@Service
@Transactional
public class CannedReplies implements CannedTexts {

	private final CannedReplyRepository replies;

	private final CaseAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	CannedReplies(CannedReplyRepository replies, CaseAccess access, AuditTrail audit, Clock clock) {
		this.replies = replies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The texts of the viewer's categories, by title.
	 * @throws CannedReplyNotFoundException if the viewer is not a caseworker
	 */
	@Transactional(readOnly = true)
	public List<CannedReply> list(PortalUser viewer) {
		return this.replies.findByCategoryInOrderByTitle(categories(viewer));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CannedText> forCategory(Category category, PortalUser caseworker) {
		if (!this.access.worksOn(caseworker, category)) {
			return List.of();
		}
		return this.replies.findByCategoryInOrderByTitle(List.of(category)).stream().map(CannedReply::text).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CannedText> find(long id, PortalUser caseworker) {
		return this.replies.findByIdAndCategoryIn(id, this.access.categoriesWorkedOnBy(caseworker))
			.map(CannedReply::text);
	}

	/**
	 * @throws CannedReplyNotFoundException if there is none the viewer may use
	 */
	@Transactional(readOnly = true)
	public CannedReply get(long id, PortalUser viewer) {
		return this.replies.findByIdAndCategoryIn(id, categories(viewer))
			.orElseThrow(() -> new CannedReplyNotFoundException("No canned reply " + id));
	}

	/**
	 * Whether another text of the category already has this title.
	 */
	@Transactional(readOnly = true)
	boolean titleTaken(Category category, String title, long exceptId) {
		return this.replies.existsByCategoryAndTitleIgnoreCaseAndIdNot(category, title.strip(), exceptId);
	}

	public CannedReply create(Category category, String title, String body, PortalUser caseworker) {
		if (!this.access.worksOn(caseworker, category)) {
			throw new CannedReplyNotFoundException("Not a caseworker of " + category);
		}
		CannedReply reply = this.replies.saveAndFlush(new CannedReply(category, title, body, caseworker.id(), now()));
		audit(caseworker, AuditAction.CANNED_REPLY_CREATED, reply);
		return reply;
	}

	public void update(long id, String title, String body, PortalUser caseworker) {
		CannedReply reply = get(id, caseworker);
		reply.edit(title, body, caseworker.id(), now());
		this.replies.flush();
		audit(caseworker, AuditAction.CANNED_REPLY_CHANGED, reply);
	}

	public void delete(long id, PortalUser caseworker) {
		CannedReply reply = get(id, caseworker);
		this.replies.delete(reply);
		this.replies.flush();
		audit(caseworker, AuditAction.CANNED_REPLY_DELETED, reply);
	}

	/**
	 * The categories whose texts the viewer keeps.
	 * @throws CannedReplyNotFoundException if the viewer is not a caseworker
	 */
	List<Category> categories(PortalUser viewer) {
		List<Category> categories = this.access.categoriesWorkedOnBy(viewer);
		if (categories.isEmpty()) {
			throw new CannedReplyNotFoundException("Only caseworkers keep canned replies");
		}
		return categories;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private void audit(PortalUser caseworker, AuditAction action, CannedReply reply) {
		this.audit.record(caseworker, action, null, "reply=" + reply.getId() + " category=" + reply.getCategory());
	}

}
