package no.dfo.kundesenter.cases.listing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list that is the union of a large ordered part, read from the database a
 * page at a time, and a few rows known in full: a fagbruker's agency cases and their own
 * cases outside them. Reading the two apart lets the database walk one index in the
 * list's order instead of collecting and sorting every case of either part.
 */
final class MergedPage {

	private MergedPage() {
	}

	/**
	 * Reads {@code limit} rows of the large part from {@code offset}, in the list's
	 * order.
	 */
	interface Rows {

		List<CaseListRow> read(int offset, int limit);

	}

	/**
	 * The list's order for sorts that Java compares exactly as the database does (by
	 * number and time, the id breaking ties); {@literal null} for text sorts.
	 */
	static @Nullable Comparator<CaseListRow> order(CaseSort sort, boolean descending) {
		Comparator<CaseListRow> byId = Comparator.comparingLong(CaseListRow::id);
		Comparator<CaseListRow> ascending = switch (sort) {
			case ID -> byId;
			case CREATED -> Comparator.comparing((CaseListRow r) -> r.createdAt()).thenComparing(byId);
			case UPDATED -> Comparator.comparing((CaseListRow r) -> r.updatedAt()).thenComparing(byId);
			default -> null;
		};
		return (ascending == null || !descending) ? ascending : ascending.reversed();
	}

	/**
	 * Rows {@code offset} to {@code offset + size} of the merged list.
	 * @param large the large part, {@code largeCount} rows long (or more, when counting
	 * stopped)
	 * @param few the other rows, in the list's order, none of them in the large part
	 */
	static List<CaseListRow> rows(Rows large, long largeCount, List<CaseListRow> few, int offset, int size,
			Comparator<CaseListRow> order) {
		// Start early enough that the rows of the few cannot push the page's first row
		// out of what is read, and within the large part so that a first row is read.
		int from = (int) Math.max(0, Math.min(offset - few.size(), largeCount - 1));
		List<CaseListRow> read = large.read(from, size + few.size());
		List<CaseListRow> merged = new ArrayList<>(read);
		int before = 0;
		for (CaseListRow row : few) {
			if (from > 0 && !read.isEmpty() && order.compare(row, read.get(0)) < 0) {
				before++;
			}
			else {
				merged.add(row);
			}
		}
		merged.sort(order);
		int start = offset - (from + before);
		return merged.subList(Math.min(start, merged.size()), Math.min(start + size, merged.size()));
	}

}
