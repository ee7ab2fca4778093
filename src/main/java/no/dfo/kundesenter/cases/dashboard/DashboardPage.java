package no.dfo.kundesenter.cases.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard as the page shows it: when it was counted and each figure as a chart and
 * a table with the same numbers.
 */
record DashboardPage(Instant asOf, List<Figure> figures) {

	/**
	 * One figure.
	 *
	 * @param id for the chart's and the table's ids
	 * @param title the table's caption and the chart's accessible name
	 * @param svg the chart, inline SVG safe to output as it is
	 * @param rowHeader the heading of the rows' column
	 * @param columns the headings of the numbers' columns
	 */
	record Figure(String id, String title, String svg, String rowHeader, List<String> columns, List<Row> rows) {
	}

	/** A row: its label and its numbers, written for the page's language. */
	record Row(String label, List<String> cells) {
	}

}
