package no.dfo.kundesenter.cases.listing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The case list's query string, read leniently: whatever cannot be used (an unknown sort
 * column, a bad date, a negative page, a far too long search) is ignored or clamped, and
 * a notice code (messages-search) says so.
 *
 * @param query what to ask the database
 * @param notices message codes of what was ignored or changed
 * @param offersChoice whether "omfang" belongs in links
 */
public record CaseListParameters(CaseQuery query, List<String> notices, boolean offersChoice) {

	/** The statuses of "Aktive saker": everything not closed. */
	static final Set<CaseStatus> ACTIVE = EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));

	/** The statuses of "Avsluttede saker". */
	static final Set<CaseStatus> CLOSED = EnumSet.of(CaseStatus.CLOSED);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern CASE_NUMBER = Pattern.compile("\\d{1,18}");

	static CaseListParameters parse(PortalUser viewer, MultiValueMap<String, String> params) {
		List<String> notices = new ArrayList<>();
		CaseListScope scope = CaseListScope.of(viewer, first(params, "omfang"));
		Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
		for (String value : params.getOrDefault("status", List.of())) {
			CaseStatus status = parseEnum(CaseStatus.class, value);
			if (status != null) {
				statuses.add(status);
			}
			else if (!value.isBlank()) {
				addOnce(notices, "search.notice.status");
			}
		}
		Category category = parseEnum(Category.class, first(params, "kategori"));
		if (category == null && !first(params, "kategori").isBlank()) {
			notices.add("search.notice.category");
		}
		Channel channel = parseEnum(Channel.class, first(params, "kanal"));
		if (channel == null && !first(params, "kanal").isBlank()) {
			notices.add("search.notice.channel");
		}
		LocalDate from = parseDate(first(params, "fra"), notices);
		LocalDate to = parseDate(first(params, "til"), notices);
		if (from != null && to != null && from.isAfter(to)) {
			LocalDate swap = from;
			from = to;
			to = swap;
			notices.add("search.notice.dates.swapped");
		}
		String text = cleanText(first(params, "q"), notices);
		String sortParameter = first(params, "sort").strip();
		boolean descending = sortParameter.startsWith("-");
		String column = descending ? sortParameter.substring(1) : sortParameter;
		CaseSort sort = CaseSort.of(column).orElse(null);
		if (sort == null) {
			if (!sortParameter.isEmpty()) {
				notices.add("search.notice.sort");
			}
			sort = CaseSort.UPDATED;
			descending = true;
		}
		int page = parsePage(first(params, "side"), notices);
		CaseQuery query = new CaseQuery(scope, statuses, category, channel, from, to, text, sort, descending, page);
		return new CaseListParameters(query, notices, CaseListScope.offersChoice(viewer));
	}

	/**
	 * The case number typed in the search box, if the search is just that.
	 */
	public @Nullable Long caseNumber() {
		String text = this.query.text();
		return (text != null && CASE_NUMBER.matcher(text).matches()) ? Long.valueOf(text) : null;
	}

	/** The requested page was beyond the last one and the last one is shown. */
	public CaseListParameters pageClamped() {
		List<String> more = new ArrayList<>(this.notices);
		addOnce(more, "search.notice.page");
		return new CaseListParameters(this.query, List.copyOf(more), this.offersChoice);
	}

	public boolean isFiltered() {
		CaseQuery q = this.query;
		return !q.statuses().isEmpty() || q.category() != null || q.channel() != null || q.from() != null
				|| q.to() != null || q.text() != null;
	}

	public boolean hasStatuses(Set<CaseStatus> statuses) {
		return this.query.statuses().equals(statuses);
	}

	/** The list's links, which keep every parameter. */
	public CaseListLinks links() {
		return new CaseListLinks(this.query, this.offersChoice);
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

	private static void addOnce(List<String> notices, String code) {
		if (!notices.contains(code)) {
			notices.add(code);
		}
	}

	private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String value) {
		String name = value.strip().toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	private static @Nullable LocalDate parseDate(String value, List<String> notices) {
		String date = value.strip();
		if (date.isEmpty()) {
			return null;
		}
		if (DATE.matcher(date).matches()) {
			try {
				return LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				// falls through to the notice
			}
		}
		addOnce(notices, "search.notice.date");
		return null;
	}

	/**
	 * The search text without control characters and surrounding space, cut to
	 * {@link CaseQuery#MAX_TEXT} characters; {@literal null} if nothing is left.
	 */
	private static @Nullable String cleanText(String value, List<String> notices) {
		String text = value.replaceAll("\\p{Cntrl}", " ").strip();
		if (text.length() > CaseQuery.MAX_TEXT) {
			int end = CaseQuery.MAX_TEXT;
			if (Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			text = text.substring(0, end).strip();
			notices.add("search.notice.text");
		}
		return text.isEmpty() ? null : text;
	}

	private static int parsePage(String value, List<String> notices) {
		String side = value.strip();
		if (side.isEmpty()) {
			return 0;
		}
		try {
			int page = Integer.parseInt(side);
			if (page < 1) {
				notices.add("search.notice.page");
				return 0;
			}
			if (page > CaseQuery.MAX_PAGE) {
				notices.add("search.notice.page");
				return CaseQuery.MAX_PAGE - 1;
			}
			return page - 1;
		}
		catch (NumberFormatException ex) {
			notices.add("search.notice.page");
			return 0;
		}
	}

}
