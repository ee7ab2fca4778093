package no.dfo.kundesenter.cases.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.RateLimits;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseOpened;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseDetailView;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseListPage;
import no.dfo.kundesenter.cases.domain.CaseViews.CaseListRow;
import no.dfo.kundesenter.cases.domain.CaseViews.MessageView;
import no.dfo.kundesenter.cases.domain.CaseViews.StatusChangeView;
import no.dfo.kundesenter.cases.domain.CaseViews.VoucherView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers cases and reads them for the people allowed to see them.
 */
@Service
@Transactional(readOnly = true)
public class CaseService {

	/** Cases per page in lists. */
	public static final int PAGE_SIZE = 25;

	/**
	 * Most cases a search counts and pages through; more means the search is too wide.
	 */
	public static final int SEARCH_LIMIT = 200;

	/**
	 * Most own cases outside their agency part that a fagbruker's list reads apart and
	 * merges in; with more, the list is read as one query.
	 */
	static final int MAX_MERGED_OWN_CASES = 50;

	private final CaseRepository cases;

	private final UserDirectory directory;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Attachments attachments;

	private final CaseSearchSnippets snippets;

	private final CaseListQueries queries;

	private final PlansForValues plans;

	private final RateLimits rateLimits;

	CaseService(CaseRepository cases, UserDirectory directory, ApplicationEventPublisher events, AuditTrail audit,
			Attachments attachments, CaseSearchSnippets snippets, CaseListQueries queries, PlansForValues plans,
			RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		this.snippets = snippets;
		this.queries = queries;
		this.plans = plans;
		this.cases = cases;
		this.directory = directory;
		this.events = events;
		this.audit = audit;
		this.attachments = attachments;
	}

	/**
	 * One page of the case list for the viewer: what the policy lets them see, narrowed
	 * by the scope, filtered, searched, sorted, counted and paged in the database. A page
	 * beyond the last gives the last page. Rows found by free text carry a snippet of
	 * where the words are. A search counts no further than {@link #SEARCH_LIMIT}: a word
	 * found in a large share of many thousand cases would otherwise cost a visit to each.
	 * A fagbruker's list sorted by number or time reads the agency's cases and their own
	 * cases outside them apart and merges them ({@link MergedPage}): the database cannot
	 * walk one index in order through "own or the agency's". Only a person's own cases
	 * without free text are read with the plans PostgreSQL keeps: every other list is
	 * planned for its agency, category, statuses and words.
	 */
	public CaseListPage list(PortalUser viewer, CaseQuery query) {
		if (query.scope() != CaseListScope.OWN || query.searches()) {
			this.plans.inThisTransaction();
		}
		Specification<Case> narrowing = CaseListSpecifications.narrowing(viewer, query);
		Specification<Case> throughRole = CaseAccessPolicy.throughRole(viewer);
		Comparator<CaseListRow> order = MergedPage.order(query.sort(), query.descending());
		if (query.scope() != CaseListScope.OWN && CaseAccessPolicy.mayRegister(viewer) && throughRole != null
				&& order != null) {
			List<CaseListRow> ownOutside = this.queries.rows(viewer,
					CaseAccessPolicy.reportedBy(viewer).and(Specification.not(throughRole)).and(narrowing), 0,
					MAX_MERGED_OWN_CASES + 1);
			if (ownOutside.size() <= MAX_MERGED_OWN_CASES) {
				return page(viewer, query, throughRole.and(narrowing), ownOutside, order);
			}
		}
		return page(viewer, query, CaseListSpecifications.of(viewer, query), List.of(), order);
	}

	/**
	 * A page of the cases {@code spec} finds together with {@code alsoShown} (which it
	 * does not find), counted and in the list's order.
	 */
	private CaseListPage page(PortalUser viewer, CaseQuery query, Specification<Case> spec, List<CaseListRow> alsoShown,
			@Nullable Comparator<CaseListRow> order) {
		boolean searching = query.searches();
		long found = searching ? this.queries.countUpTo(spec, SEARCH_LIMIT + 1) : this.queries.count(spec);
		boolean countStopped = searching && found + alsoShown.size() > SEARCH_LIMIT;
		long total = searching ? Math.min(found + alsoShown.size(), SEARCH_LIMIT) : found + alsoShown.size();
		int lastPage = (total == 0) ? 0 : (int) ((total - 1) / PAGE_SIZE);
		int index = Math.clamp(query.page(), 0, Math.min(lastPage, CaseQuery.MAX_PAGE));
		List<CaseListRow> rows;
		if (total == 0) {
			rows = List.of();
		}
		else if (alsoShown.isEmpty() || order == null) {
			rows = this.queries.rows(viewer, spec, index * PAGE_SIZE, PAGE_SIZE);
		}
		else {
			rows = MergedPage.rows((offset, limit) -> this.queries.rows(viewer, spec, offset, limit), found, alsoShown,
					index * PAGE_SIZE, PAGE_SIZE, order);
		}
		if (searching && !rows.isEmpty()) {
			Map<Long, String> snippets = this.snippets.find(rows.stream().map(CaseListRow::id).toList(), query.text(),
					rows.stream()
						.filter((r) -> CaseAccessPolicy.seesInternalNotes(viewer, r.category()))
						.map(CaseListRow::id)
						.toList());
			rows = rows.stream().map((r) -> r.withSnippet(snippets.get(r.id()))).toList();
		}
		return new CaseListPage(new PageImpl<>(rows, PageRequest.of(index, PAGE_SIZE), total), countStopped);
	}

	/**
	 * Whether the viewer may see the case with this number (looking a case up by number).
	 */
	public boolean isVisible(long id, PortalUser viewer) {
		return this.cases.exists(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(id)));
	}

	/**
	 * Registers a case from the portal on the reporter's own behalf, with the drafts the
	 * reporter uploaded as attachments of its first message. Counts against the
	 * reporter's limit of registrations.
	 * @return the new case's id
	 * @throws AttachmentRejectedException if a draft is gone or too much is attached;
	 * nothing is registered then
	 * @throws RateLimitExceededException if the reporter has registered as many cases as
	 * the limit allows lately; nothing is registered then
	 */
	@Transactional
	public long register(NewCase request, PortalUser reporter) {
		if (!CaseAccessPolicy.mayRegister(reporter)) {
			throw new IllegalStateException("Only agency-side users register cases in the portal");
		}
		this.rateLimits.countCaseRegistration(reporter.id());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Case opened = this.cases.saveAndFlush(
				Case.open(request, Channel.WEB, reporter.organizationId(), reporter.id(), reporter.id(), now));
		long firstMessageId = opened.getMessages().get(0).getId();
		this.attachments.claimDrafts(request.attachmentIds(), reporter.id(), opened.getId(), firstMessageId);
		this.events.publishEvent(new CaseOpened(opened.getId(), firstMessageId, opened.getOrganizationId(),
				reporter.id(), reporter.id(), opened.getCategory(), opened.getChannel(), request.attachmentIds()));
		this.audit.record(reporter, AuditAction.CASE_REGISTERED, opened.getId(),
				"channel=" + opened.getChannel() + " category=" + opened.getCategory());
		return opened.getId();
	}

	/**
	 * Everything about one case that the viewer may see.
	 * @throws CaseNotFoundException if it does not exist or the viewer may not see it
	 */
	public CaseDetailView detail(long id, PortalUser viewer) {
		Case found = this.cases.findOne(CaseAccessPolicy.visibleTo(viewer).and(CaseAccessPolicy.withId(id)))
			.orElseThrow(() -> new CaseNotFoundException(id));
		boolean showInternal = CaseAccessPolicy.seesInternalNotes(viewer, found.getCategory());
		Set<Long> people = new HashSet<>();
		people.add(found.getReporterId());
		found.getMessages().forEach((m) -> people.add(m.getAuthorId()));
		found.getStatusHistory().forEach((s) -> people.add(s.getChangedBy()));
		Map<Long, String> names = this.directory.fullNames(people);
		var messages = found.getMessages()
			.stream()
			.filter((m) -> showInternal || !m.isInternal())
			.map((m) -> new MessageView(m.getId(), names.getOrDefault(m.getAuthorId(), "?"), m.getAuthorSide(),
					m.getBody(), m.isInternal(), CaseViews.local(m.getCreatedAt())))
			.toList();
		var history = found.getStatusHistory()
			.stream()
			.map((s) -> new StatusChangeView(s.getFromStatus(), s.getToStatus(),
					names.getOrDefault(s.getChangedBy(), "?"), CaseViews.local(s.getChangedAt())))
			.toList();
		return new CaseDetailView(found.getId(), found.getSubject(), found.getCategory(), found.getChannel(),
				found.getStatus(), this.directory.organizationName(found.getOrganizationId()).orElse("?"),
				names.getOrDefault(found.getReporterId(), "?"), CaseViews.local(found.getCreatedAt()),
				CaseViews.local(CaseAccessPolicy.lastUpdateSeenBy(viewer, found)), VoucherView.of(found.getVoucher()),
				messages, history);
	}

}
