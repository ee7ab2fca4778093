package no.dfo.kundesenter.cases.listing;

import java.time.LocalDate;
import java.util.Set;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;

/**
 * What the case list asks for, already checked: scope, filters (empty or {@literal null}
 * means no filter), free text, order and the zero-based page.
 *
 * @param from first created date, inclusive (Norwegian time)
 * @param to last created date, inclusive (Norwegian time)
 * @param text free text, at most {@link #MAX_TEXT} characters
 */
public record CaseQuery(CaseListScope scope, Set<CaseStatus> statuses, @Nullable Category category,
		@Nullable Channel channel, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String text,
		CaseSort sort, boolean descending, int page) {

	/** Longest free text searched for; longer input is cut. */
	public static final int MAX_TEXT = 200;

	/** Highest page number asked of the database; further pages are clamped. */
	public static final int MAX_PAGE = 100_000;

	/** Whether the query searches for free text. */
	public boolean searches() {
		return this.text != null && !this.text.isBlank();
	}

}
