package no.dfo.kundesenter.cases.listing;

import java.util.Set;

import no.dfo.kundesenter.cases.CaseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case list's links, and the order as the query string and aria-sort write it. A link
 * keeps every parameter of the list but what it changes; changing a filter or the order
 * goes back to page 1.
 *
 * @param query what the list shows
 * @param offersChoice whether "omfang" belongs in links
 */
public record CaseListLinks(CaseQuery query, boolean offersChoice) implements PageLinks {

	@Override
	public String pageLink(int oneBasedPage) {
		return link(this.query.statuses(), this.query.sort(), this.query.descending(), oneBasedPage);
	}

	/** Sorts by the column: ascending first, descending when already ascending. */
	public String sortLink(CaseSort column) {
		boolean descending = this.query.sort() == column && !this.query.descending();
		return link(this.query.statuses(), column, descending, 1);
	}

	public String statusLink(Set<CaseStatus> statuses) {
		return link(statuses, this.query.sort(), this.query.descending(), 1);
	}

	/** The list as CSV, with every filter and the order, but no page. */
	public String exportLink() {
		return link("/saker/eksport", this.query.statuses(), this.query.sort(), this.query.descending(), 1);
	}

	/** "ascending", "descending" or "none", for aria-sort. */
	public String ariaSort(CaseSort column) {
		if (this.query.sort() != column) {
			return "none";
		}
		return this.query.descending() ? "descending" : "ascending";
	}

	public String sortParameter() {
		return (this.query.descending() ? "-" : "") + this.query.sort().parameter();
	}

	private String link(Set<CaseStatus> statuses, CaseSort sort, boolean descending, int oneBasedPage) {
		return link("/saker", statuses, sort, descending, oneBasedPage);
	}

	private String link(String path, Set<CaseStatus> statuses, CaseSort sort, boolean descending, int oneBasedPage) {
		CaseQuery q = this.query;
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (this.offersChoice) {
			uri.queryParam("omfang", q.scope().parameter());
		}
		if (q.text() != null) {
			uri.queryParam("q", q.text());
		}
		statuses.stream().sorted().forEach((s) -> uri.queryParam("status", s.name()));
		if (q.category() != null) {
			uri.queryParam("kategori", q.category().name());
		}
		if (q.channel() != null) {
			uri.queryParam("kanal", q.channel().name());
		}
		if (q.from() != null) {
			uri.queryParam("fra", q.from().toString());
		}
		if (q.to() != null) {
			uri.queryParam("til", q.to().toString());
		}
		if (sort != CaseSort.UPDATED || !descending) {
			uri.queryParam("sort", (descending ? "-" : "") + sort.parameter());
		}
		if (oneBasedPage > 1) {
			uri.queryParam("side", oneBasedPage);
		}
		return uri.encode().build().toUriString();
	}

}
