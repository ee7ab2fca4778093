package no.dfo.kundesenter.cases.page;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CannedTexts;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.core.AuthorSide;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseAssignment;
import no.dfo.kundesenter.cases.core.CaseOpenings;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.targets.ServiceTargets;
import no.dfo.kundesenter.cases.core.Message;
import no.dfo.kundesenter.cases.core.StatusChange;
import no.dfo.kundesenter.cases.page.CasePage.MessageView;
import no.dfo.kundesenter.cases.page.CasePage.TimelineEntry;
import no.dfo.kundesenter.cases.page.CasePage.TimelineEntry.Kind;
import no.dfo.kundesenter.cases.page.CasePage.VoucherView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the case page for one person, in one transaction: the case through the access
 * policy, then everything the page shows of it, with every name looked up at once.
 */
@Service
@Transactional(readOnly = true)
public class CasePages {

	private final CaseRepository cases;

	private final UserDirectory directory;

	private final Attachments attachments;

	private final CannedTexts cannedTexts;

	private final AuditTrail audit;

	private final ServiceTargets targets;

	private final CaseOpenings openings;

	private final Clock clock;

	CasePages(CaseRepository cases, UserDirectory directory, Attachments attachments, CannedTexts cannedTexts,
			AuditTrail audit, ServiceTargets targets, CaseOpenings openings, Clock clock) {
		this.openings = openings;
		this.clock = clock;
		this.cases = cases;
		this.directory = directory;
		this.attachments = attachments;
		this.cannedTexts = cannedTexts;
		this.audit = audit;
		this.targets = targets;
	}

	/**
	 * The page of a person opening the case: the opening is in the case's audit trail, as
	 * the page shows it to the centre, and what was new to them is seen.
	 * @throws CaseNotFoundException if the case does not exist or the viewer may not see
	 * it
	 */
	@Transactional
	public CasePage open(long caseId, PortalUser viewer) {
		Case c = visible(caseId, viewer);
		this.audit.record(viewer, AuditAction.CASE_OPENED, caseId, "");
		this.openings.record(caseId, viewer.id(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		return page(c, viewer);
	}

	/**
	 * The page again, as it is now, for a form on it that could not be sent.
	 * @throws CaseNotFoundException if the case does not exist or the viewer may not see
	 * it
	 */
	public CasePage read(long caseId, PortalUser viewer) {
		return page(visible(caseId, viewer), viewer);
	}

	private Case visible(long caseId, PortalUser viewer) {
		return this.cases.findOne(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(caseId)))
			.orElseThrow(() -> new CaseNotFoundException(caseId));
	}

	private CasePage page(Case c, PortalUser viewer) {
		long caseId = c.getId();
		boolean caseworker = CaseAccessPolicy.worksOn(viewer, c.getCategory());
		boolean internal = CaseAccessPolicy.seesInternalNotes(viewer, c.getCategory());
		List<Message> messages = c.getMessages().stream().filter((m) -> internal || !m.isInternal()).toList();
		List<Attachment> files = this.attachments.listForCase(caseId);
		Map<Long, String> names = this.directory.fullNames(people(c, files));
		Instant customerOpened = caseworker ? this.openings.lastOpened(caseId, c.getReporterId()).orElse(null) : null;
		return new CasePage(c.getId(), c.getVersion(), c.getSubject(), c.getCategory(), c.getChannel(), c.getStatus(),
				this.directory.organizationName(c.getOrganizationId()).orElse("?"), name(names, c.getReporterId()),
				c.getCreatedAt(), CaseAccessPolicy.lastUpdateSeenBy(viewer, c), VoucherView.of(c.getVoucher()),
				messages.stream()
					.map((m) -> new MessageView(m.getId(), name(names, m.getAuthorId()), m.getAuthorSide(), m.getBody(),
							m.isInternal(), m.getCreatedAt(), readByCustomerAt(m, customerOpened)))
					.toList(),
				timeline(c, messages, internal, names), attachments(caseId, files, messages, names), caseworker,
				CaseAccessPolicy.actsAsCustomer(viewer), c.getAssigneeId(),
				(c.getAssigneeId() != null) ? name(names, c.getAssigneeId()) : null,
				caseworker ? this.directory.withRole(CaseAccessPolicy.caseworkerRole(c.getCategory()))
						: List.<Person>of(),
				caseworker ? List.of(CaseStatus.values()).stream().filter(c.getStatus()::canTransitionTo).toList()
						: List.of(),
				caseworker ? this.cannedTexts.forCategory(c.getCategory(), viewer) : List.of(),
				internal ? this.audit.forCase(caseId) : null,
				caseworker ? CasePage.ServiceLevel.of(c, this.targets) : null);
	}

	/**
	 * When the reporter last opened the case, if that was after the centre's public
	 * message.
	 */
	private static @Nullable Instant readByCustomerAt(Message m, @Nullable Instant customerOpened) {
		boolean centreReply = m.getAuthorSide() == AuthorSide.CENTRE && !m.isInternal();
		return (centreReply && customerOpened != null && customerOpened.isAfter(m.getCreatedAt())) ? customerOpened
				: null;
	}

	private static Set<Long> people(Case c, List<Attachment> files) {
		Set<Long> people = new HashSet<>();
		people.add(c.getReporterId());
		c.getMessages().forEach((m) -> people.add(m.getAuthorId()));
		c.getStatusHistory().forEach((s) -> people.add(s.getChangedBy()));
		c.getAssignments().forEach((a) -> {
			people.add(a.getAssignedBy());
			if (a.getAssigneeId() != null) {
				people.add(a.getAssigneeId());
			}
		});
		if (c.getAssigneeId() != null) {
			people.add(c.getAssigneeId());
		}
		files.forEach((a) -> people.add(a.addedBy()));
		return people;
	}

	private static List<TimelineEntry> timeline(Case c, List<Message> messages, boolean internal,
			Map<Long, String> names) {
		List<TimelineEntry> timeline = new ArrayList<>();
		for (Message m : messages) {
			timeline.add(new TimelineEntry(Kind.MESSAGE, m.getCreatedAt(), name(names, m.getAuthorId()),
					m.getAuthorSide(), m.isInternal(), null, null, false, null));
		}
		for (StatusChange s : c.getStatusHistory()) {
			timeline.add(new TimelineEntry(Kind.STATUS, s.getChangedAt(), name(names, s.getChangedBy()), null, false,
					s.getFromStatus(), s.getToStatus(), s.isCausedByCustomerMessage(), null));
		}
		if (internal) {
			for (CaseAssignment a : c.getAssignments()) {
				timeline.add(new TimelineEntry(Kind.ASSIGNMENT, a.getAssignedAt(), name(names, a.getAssignedBy()), null,
						false, null, null, false, (a.getAssigneeId() != null) ? name(names, a.getAssigneeId()) : null));
			}
		}
		timeline.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind));
		return timeline;
	}

	/**
	 * The case's files that go with messages the viewer sees (so none of an internal
	 * note's reach a customer), and those added on their own.
	 */
	private CaseAttachmentsView attachments(long caseId, List<Attachment> files, List<Message> messages,
			Map<Long, String> names) {
		Set<Long> shown = messages.stream().map(Message::getId).collect(Collectors.toSet());
		Map<Long, List<CaseAttachmentsView.AttachmentView>> byMessage = new LinkedHashMap<>();
		Map<String, CaseAttachmentsView.Entry> standalone = new LinkedHashMap<>();
		for (Attachment a : files) {
			var view = new CaseAttachmentsView.AttachmentView(a.name(), a.displaySize(), a.contentType(),
					name(names, a.addedBy()), a.addedAt(), "/saker/" + caseId + "/vedlegg/" + a.id());
			if (a.messageId() == null) {
				standalone
					.computeIfAbsent(a.addedBy() + "@" + a.addedAt(),
							(k) -> new CaseAttachmentsView.Entry(view.addedByName(), view.addedAt(), new ArrayList<>()))
					.files()
					.add(view);
			}
			else if (shown.contains(a.messageId())) {
				byMessage.computeIfAbsent(a.messageId(), (k) -> new ArrayList<>()).add(view);
			}
		}
		return new CaseAttachmentsView(caseId, byMessage, List.copyOf(standalone.values()), this.attachments.limits());
	}

	/**
	 * Whether the viewer sees the case and the message: internal notes, and so their
	 * files, are for the centre only.
	 */
	public boolean showsMessage(long caseId, long messageId, PortalUser viewer) {
		return this.cases.findOne(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(caseId)))
			.map((c) -> c.getMessages()
				.stream()
				.anyMatch((m) -> m.getId() == messageId
						&& (!m.isInternal() || CaseAccessPolicy.seesInternalNotes(viewer, c.getCategory()))))
			.orElse(false);
	}

	private static String name(Map<Long, String> names, long id) {
		return names.getOrDefault(id, "?");
	}

}
