package no.dfo.kundesenter.cases.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAssigned;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseOpened;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.CaseStatusChanged;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.MessagePosted;
import no.dfo.kundesenter.cases.targets.ServiceTargets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the services that change a case share: finding it for the person acting (404 when
 * they may not), locking it, the clock, and publishing what happened.
 */
@Component
public class CaseActions {

	private final CaseRepository cases;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final ServiceTargets targets;

	private final CaseOpenings openings;

	CaseActions(CaseRepository cases, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
			ServiceTargets targets, CaseOpenings openings) {
		this.cases = cases;
		this.openings = openings;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.targets = targets;
	}

	/**
	 * The time of an action, to the microsecond as PostgreSQL keeps it.
	 */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The case, locked for this transaction, if the actor may see it.
	 * @throws CaseNotFoundException if it does not exist or is not visible to the actor
	 */
	public Case lockVisible(long caseId, PortalUser actor) {
		if (!this.cases.exists(CaseAccessPolicy.visibleTo(actor).and(CaseAccessPolicy.withId(caseId)))) {
			throw new CaseNotFoundException(caseId);
		}
		return this.cases.findForUpdate(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
	}

	/**
	 * The case, locked, if the actor is a caseworker of its category; and unchanged since
	 * the actor saw it at the given version.
	 * @throws CaseNotFoundException for anyone else (customers, administrators, the other
	 * category)
	 * @throws CaseChangedException if the case changed since
	 */
	public Case lockForCaseworker(long caseId, PortalUser actor, long expectedVersion) {
		if (!actor.isCaseworker()) {
			throw new CaseNotFoundException(caseId);
		}
		Case found = lockVisible(caseId, actor);
		if (!CaseAccessPolicy.worksOn(actor, found.getCategory())) {
			throw new CaseNotFoundException(caseId);
		}
		if (found.getVersion() != expectedVersion) {
			throw new CaseChangedException(caseId);
		}
		return found;
	}

	/**
	 * Writes the case now, so new messages have their ids for the events. A loaded case
	 * is only flushed: merging it would persist copies of its new messages and leave the
	 * instances we hold without ids. Its service-level targets' due times follow what
	 * changed.
	 */
	public Case save(Case changed) {
		changed.computeDues(this.targets);
		if (changed.getId() == null) {
			return this.cases.saveAndFlush(changed);
		}
		this.cases.flush();
		return changed;
	}

	public void messagePosted(Case c, Message message, PortalUser author) {
		this.audit.record(author, AuditAction.MESSAGE_POSTED, c.getId(),
				"message=" + message.getId() + (message.isInternal() ? " internal" : ""));
		this.events.publishEvent(new MessagePosted(c.getId(), message.getId(), message.getAuthorId(),
				message.isInternal(), (message.getAuthorSide() == AuthorSide.CUSTOMER) ? MessagePosted.Side.CUSTOMER
						: MessagePosted.Side.CENTRE));
	}

	public void statusChanged(Case c, CaseStatus from, PortalUser changedBy) {
		if (from != c.getStatus()) {
			this.audit.record(changedBy, AuditAction.STATUS_CHANGED, c.getId(), from + "->" + c.getStatus());
			this.events.publishEvent(new CaseStatusChanged(c.getId(), from, c.getStatus(), changedBy.id()));
		}
	}

	public void assigned(Case c, CaseAssigned event, PortalUser caseworker) {
		this.audit.record(caseworker, AuditAction.CASE_ASSIGNED, c.getId(), "assignee=" + event.assigneeId());
		this.events.publishEvent(event);
	}

	/**
	 * A new case, from any channel: in the audit trail as registered by whoever did it,
	 * and published. Its reporter and whoever registered it have seen all there is.
	 */
	public void opened(CaseOpened event, PortalUser registeredBy) {
		Instant now = now();
		this.openings.record(event.caseId(), event.reporterId(), now);
		if (event.registeredBy() != event.reporterId()) {
			this.openings.record(event.caseId(), event.registeredBy(), now);
		}
		String detail = "channel=" + event.channel() + " category=" + event.category();
		if (event.channel() == Channel.EMAIL) {
			this.audit.recordBySystem(AuditAction.CASE_REGISTERED, event.caseId(),
					detail + " reporter=" + event.reporterId());
		}
		else {
			this.audit.record(registeredBy, AuditAction.CASE_REGISTERED, event.caseId(), detail);
		}
		this.events.publishEvent(event);
	}

}
