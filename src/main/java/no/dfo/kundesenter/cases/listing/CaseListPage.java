package no.dfo.kundesenter.cases.listing;

import java.time.Instant;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;

/**
 * One page of the case list.
 *
 * @param countStopped whether a search found more cases than it counts: the page's total
 * is then {@link CaseListing#SEARCH_LIMIT} and only that many can be paged through
 */
public record CaseListPage(Page<CaseListRow> page, boolean countStopped) {

	/**
	 * One line of the case list, with who reported it and for which agency.
	 *
	 * @param updatedAt the case's last update as the viewer sees it
	 * ({@link no.dfo.kundesenter.cases.core.CaseAccessPolicy#lastUpdateSeenBy})
	 * @param snippetHtml where a free-text search matched a message: escaped text with
	 * the matching words in {@code <mark>}, safe to output as HTML; {@literal null} if
	 * not searched or matched in the subject only
	 */
	public record CaseListRow(long id, String subject, Category category, CaseStatus status, Channel channel,
			String organizationName, String reporterName, Instant createdAt, Instant updatedAt,
			@Nullable String snippetHtml) {

		CaseListRow withSnippet(@Nullable String html) {
			return new CaseListRow(this.id, this.subject, this.category, this.status, this.channel,
					this.organizationName, this.reporterName, this.createdAt, this.updatedAt, html);
		}

	}

}
