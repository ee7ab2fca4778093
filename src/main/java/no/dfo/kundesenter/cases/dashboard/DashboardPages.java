package no.dfo.kundesenter.cases.dashboard;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.ServiceTargetShares;
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

	private final ServiceTargetShares shares;

	private final Clock clock;

	DashboardPages(DashboardQueries queries, MessageSource messages, ServiceTargetShares shares, Clock clock) {
		this.queries = queries;
		this.messages = messages;
		this.shares = shares;
		this.clock = clock;
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
		figures.add(withinTarget(categories, f.weeks(), weekLabels, integers, locale));
		return new DashboardPage(f.asOf(), List.copyOf(figures));
	}

	/**
	 * Per week, the cases closed that week that met both their targets, and those that
	 * did not.
	 */
	private Figure withinTarget(List<Category> categories, List<LocalDate> weeks, List<String> weekLabels,
			NumberFormat integers, Locale locale) {
		ZoneId zone = this.clock.getZone();
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		List<String> columns = List.of(text("dashboard.col.met", locale), text("dashboard.col.missed", locale));
		List<String> tableColumns = List.of(columns.get(0), columns.get(1), text("dashboard.col.share", locale));
		List<List<Number>> values = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			Instant from = weeks.get(i).atStartOfDay(zone).toInstant();
			Instant to = weeks.get(i).plusWeeks(1).atStartOfDay(zone).toInstant();
			long met = 0;
			long missed = 0;
			for (Category category : categories) {
				ServiceTargetShares.Share share = this.shares.closed(category, from, to);
				met += share.met();
				missed += share.missed();
			}
			values.add(List.of(met, missed));
			String shareText = (met + missed == 0) ? text("dashboard.share.none", locale)
					: percent.format((double) met / (met + missed));
			rows.add(new Row(weekLabels.get(i), List.of(integers.format(met), integers.format(missed), shareText)));
		}
		String title = text("dashboard.withinTarget", locale);
		return new Figure("within-target", title,
				Charts.bars("chart-within-target", title, columns, weekLabels, values, false),
				text("dashboard.col.week", locale), tableColumns, rows);
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
