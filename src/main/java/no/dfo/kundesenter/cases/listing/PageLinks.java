package no.dfo.kundesenter.cases.listing;

/**
 * Where the pages of a paged list are: the pager ({@code fragments/pager.html}) links
 * each page with it.
 */
public interface PageLinks {

	/**
	 * The address of page {@code oneBasedPage}, with everything else the list was asked
	 * for.
	 */
	String pageLink(int oneBasedPage);

}
