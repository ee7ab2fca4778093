package no.dfo.kundesenter.cases.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.domain.CaseViews.TimelineEntry;
import no.dfo.kundesenter.cases.domain.CaseViews.TimelineEntry.Kind;
import no.dfo.kundesenter.cases.domain.CaseViews.WorkspaceView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case page needs besides the case itself: the timeline of everything that
 * happened, and for caseworkers the version to guard against stale pages, the assignee,
 * colleagues and the statuses they may set.
 */
@Service
@Transactional(readOnly = true)
public class CaseWorkspace {

	private final CaseRepository cases;

	private final UserDirectory directory;

	CaseWorkspace(CaseRepository cases, UserDirectory directory) {
		this.cases = cases;
		this.directory = directory;
	}

	/**
	 * @throws CaseNotFoundException if the case does not exist or the viewer may not see
	 * it
	 */
	public WorkspaceView of(long caseId, PortalUser viewer) {
		Case c = this.cases.findOne(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(caseId)))
			.orElseThrow(() -> new CaseNotFoundException(caseId));
		boolean caseworker = CaseAccessPolicy.worksOn(viewer, c.getCategory());
		boolean internal = CaseAccessPolicy.seesInternalNotes(viewer, c.getCategory());
		Set<Long> people = new HashSet<>();
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
		Map<Long, String> names = this.directory.fullNames(people);
		List<TimelineEntry> timeline = new ArrayList<>();
		for (Message m : c.getMessages()) {
			if (m.isInternal() && !internal) {
				continue;
			}
			timeline.add(new TimelineEntry(Kind.MESSAGE, local(m.getCreatedAt()), name(names, m.getAuthorId()),
					m.getAuthorSide(), m.isInternal(), null, null, false, null));
		}
		for (StatusChange s : c.getStatusHistory()) {
			timeline.add(new TimelineEntry(Kind.STATUS, local(s.getChangedAt()), name(names, s.getChangedBy()), null,
					false, s.getFromStatus(), s.getToStatus(), s.isCausedByCustomerMessage(), null));
		}
		if (internal) {
			for (CaseAssignment a : c.getAssignments()) {
				timeline.add(new TimelineEntry(Kind.ASSIGNMENT, local(a.getAssignedAt()),
						name(names, a.getAssignedBy()), null, false, null, null, false,
						(a.getAssigneeId() != null) ? name(names, a.getAssigneeId()) : null));
			}
		}
		timeline.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind));
		List<Person> colleagues = caseworker ? this.directory.withRole(CaseAccessPolicy.caseworkerRole(c.getCategory()))
				: List.of();
		List<CaseStatus> next = caseworker
				? List.of(CaseStatus.values()).stream().filter(c.getStatus()::canTransitionTo).toList() : List.of();
		return new WorkspaceView(c.getId(), c.getVersion(), c.getStatus(), c.getCategory(), caseworker,
				CaseAccessPolicy.actsAsCustomer(viewer), c.getAssigneeId(),
				(c.getAssigneeId() != null) ? name(names, c.getAssigneeId()) : null, colleagues, next, timeline);
	}

	private static String name(Map<Long, String> names, long id) {
		return names.getOrDefault(id, "?");
	}

	private static ZonedDateTime local(Instant instant) {
		return CaseViews.local(instant);
	}

}
