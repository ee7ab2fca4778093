package no.dfo.kundesenter.cases.listing;

import org.springframework.data.domain.Page;

/**
 * One page of the case list.
 *
 * @param countStopped whether a search found more cases than it counts: the page's total
 * is then {@link CaseListing#SEARCH_LIMIT} and only that many can be paged through
 */
public record CaseListPage(Page<CaseListRow> page, boolean countStopped) {

}
