package no.dfo.kundesenter.cases.dashboard;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.dashboard.DashboardFigures.AgencyCount;
import no.dfo.kundesenter.cases.dashboard.DashboardPage.Figure;
import no.dfo.kundesenter.cases.dashboard.DashboardPage.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dashboard for some categories in one language, counted and drawn at most once a
 * minute ({@code spring.cache.caffeine.spec}): at a million cases the counts take longer
 * than a page may.
 */
@Service
class DashboardPages {

	static final String CACHE = "dashboard";

	private final DashboardQueries queries;

	private final MessageSource messages;

	DashboardPages(DashboardQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	/**
	 * @param categories sorted, so one set of categories is one cache entry
	 */
	@Cacheable(CACHE)
	public DashboardPage page(List<Category> categories, Locale locale) {
		DashboardFigures f = this.queries.count(categories);
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		NumberFormat hours = NumberFormat.getNumberInstance(locale);
		hours.setMinimumFractionDigits(1);
		hours.setMaximumFractionDigits(1);
		List<Figure> figures = new ArrayList<>();

		figures.add(single("open-status", "dashboard.openByStatus", "dashboard.col.status", f.openByStatus(),
				(s) -> text("status." + s.name(), locale), integers, locale, false));

		List<String> weekLabels = f.weeks().stream().map((w) -> week(w, locale)).toList();
		List<String> flow = List.of(text("dashboard.col.new", locale), text("dashboard.col.closed", locale));
		List<List<Number>> flowValues = new ArrayList<>();
		List<Row> flowRows = new ArrayList<>();
		for (int i = 0; i < f.weeks().size(); i++) {
			long created = f.newPerWeek().get(i);
			long closed = f.closedPerWeek().get(i);
			flowValues.add(List.of(created, closed));
			flowRows.add(new Row(weekLabels.get(i), List.of(integers.format(created), integers.format(closed))));
		}
		String flowTitle = text("dashboard.newAndClosed", locale);
		figures.add(new Figure("new-closed", flowTitle,
				Charts.bars("chart-new-closed", flowTitle, flow, weekLabels, flowValues, false),
				text("dashboard.col.week", locale), flow, flowRows));

		List<String> answer = List.of(text("dashboard.col.median", locale), text("dashboard.col.p90", locale));
		List<List<Number>> answerValues = new ArrayList<>();
		List<Row> answerRows = new ArrayList<>();
		for (int i = 0; i < f.weeks().size(); i++) {
			Double median = f.firstAnswerMedian().get(i);
			Double p90 = f.firstAnswer90().get(i);
			List<Number> values = new ArrayList<>();
			values.add(median);
			values.add(p90);
			answerValues.add(values);
			answerRows.add(new Row(weekLabels.get(i),
					List.of(hoursText(median, hours, locale), hoursText(p90, hours, locale))));
		}
		String answerTitle = text("dashboard.firstAnswer", locale);
		figures.add(new Figure("first-answer", answerTitle,
				Charts.lines("chart-first-answer", answerTitle, answer, weekLabels, answerValues),
				text("dashboard.col.week", locale), answer, answerRows));

		figures.add(single("backlog-age", "dashboard.backlogAge", "dashboard.col.age", f.backlogAges(),
				(b) -> text("dashboard.age." + b.name(), locale), integers, locale, false));
		figures.add(single("channel", "dashboard.byChannel", "dashboard.col.channel", f.byChannel(),
				(c) -> text("channel." + c.name(), locale), integers, locale, false));

		Map<String, Long> agencies = new java.util.LinkedHashMap<>();
		for (AgencyCount agency : f.topAgencies()) {
			agencies.merge(agency.name(), agency.open(), Long::sum);
		}
		figures.add(single("agencies", "dashboard.topAgencies", "dashboard.col.agency", agencies, (name) -> name,
				integers, locale, true));
		// The share of cases within their service-level target comes here once targets
		// exist.
		return new DashboardPage(f.asOf(), List.copyOf(figures));
	}

	private <K> Figure single(String id, String titleKey, String rowHeaderKey, Map<K, Long> counts,
			Function<K, String> label, NumberFormat integers, Locale locale, boolean horizontal) {
		String title = text(titleKey, locale);
		List<String> column = List.of(text("dashboard.col.cases", locale));
		List<String> labels = new ArrayList<>();
		List<List<Number>> values = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		counts.forEach((key, count) -> {
			String name = label.apply(key);
			labels.add(name);
			values.add(List.of(count));
			rows.add(new Row(name, List.of(integers.format(count))));
		});
		return new Figure(id, title, Charts.bars("chart-" + id, title, column, labels, values, horizontal),
				text(rowHeaderKey, locale), column, rows);
	}

	private String week(LocalDate monday, Locale locale) {
		return text("dashboard.week", locale, monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
				monday.format(DateTimeFormatter.ofPattern("dd.MM.")));
	}

	private String hoursText(@Nullable Double value, NumberFormat hours, Locale locale) {
		return (value != null) ? hours.format(value) : text("dashboard.none", locale);
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
