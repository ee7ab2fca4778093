package no.dfo.kundesenter.cases.dashboard;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Oversikt: each figure is what a count in SQL over the same cases gives, for the
 * viewer's categories only, with no case content, and only for the centre.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardTests {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CacheManager caches;

	@BeforeEach
	void countAfresh() {
		this.caches.getCache(DashboardPages.CACHE).clear();
	}

	private int status(String username) throws Exception {
		return this.mvc.perform(get("/saksbehandling/oversikt").with(user(this.users.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private String html(String username) throws Exception {
		var response = this.mvc
			.perform(get("/saksbehandling/oversikt").with(user(this.users.loadUserByUsername(username))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A figure's table: each row's heading and its numbers as written. */
	private static Map<String, List<String>> table(Document page, String id) {
		Element table = page.getElementById(id + "-table");
		assertThat(table).as(id).isNotNull();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (Element row : table.select("tbody tr")) {
			rows.put(row.selectFirst("th").text(), row.select("td").eachText());
		}
		return rows;
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private long open(String reporter, Category category, Channel channel, String subject, String message) {
		PortalUser person = this.fixtures.user(reporter);
		Case opened = this.cases.saveAndFlush(Case.open(new NewCase(category, subject, message, null), channel,
				person.organizationId(), person.id(), person.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return opened.getId();
	}

	@Test
	void openCasesPerStatusAgeAndAgencyAreWhatSqlCounts() throws Exception {
		open("kari", Category.PAYROLL, Channel.PHONE, "Ny sak", "Første melding");
		Document page = Jsoup.parse(html("siri"));
		Map<String, List<String>> statuses = table(page, "open-status");
		assertThat(statuses.keySet()).containsExactly("Aktiv", "Under arbeid", "Venter på kunde", "Utsatt");
		Map<String, String> codes = Map.of("Aktiv", "ACTIVE", "Under arbeid", "IN_PROGRESS", "Venter på kunde",
				"WAITING_FOR_CUSTOMER", "Utsatt", "POSTPONED");
		statuses.forEach((label, cells) -> assertThat(number(cells.get(0))).as(label)
			.isEqualTo(count("select count(*) from support_case where category = 'PAYROLL' and status = ?",
					codes.get(label))));

		Map<String, List<String>> ages = table(page, "backlog-age");
		int[][] buckets = { { 0, 1 }, { 1, 3 }, { 3, 7 }, { 7, 30 }, { 30, 100_000 } };
		List<Long> expected = new ArrayList<>();
		for (int[] bucket : buckets) {
			expected.add(
					count("""
							select count(*) from support_case where category = 'PAYROLL' and status <> 'CLOSED'
							  and created_at <= now() - make_interval(days => ?) and created_at > now() - make_interval(days => ?)
							""",
							bucket[0], bucket[1]));
		}
		assertThat(ages.values().stream().map((cells) -> number(cells.get(0))).toList()).isEqualTo(expected);

		Map<String, List<String>> agencies = table(page, "agencies");
		List<Map<String, Object>> top = this.jdbc.queryForList("""
				select o.name, count(*) as open from support_case c join organization o on o.id = c.organization_id
				where c.category = 'PAYROLL' and c.status <> 'CLOSED'
				group by o.id, o.name order by count(*) desc, o.id limit 10
				""");
		assertThat(agencies).hasSize(top.size());
		for (Map<String, Object> agency : top) {
			assertThat(agencies.get((String) agency.get("name")))
				.containsExactly(String.valueOf(((Number) agency.get("open")).longValue()));
		}
	}

	@Test
	void weeklyFiguresAreWhatSqlCountsForEachOfTheLastTwelveWeeks() throws Exception {
		long answered = open("kari", Category.PAYROLL, Channel.EMAIL, "Svar kommer", "Første melding");
		long siri = this.fixtures.user("siri").id();
		this.transactions.executeWithoutResult((tx) -> this.cases.findById(answered)
			.orElseThrow()
			.reply(siri, "Svar", Instant.now().truncatedTo(ChronoUnit.MICROS)));
		Document page = Jsoup.parse(html("siri"));
		Map<String, List<String>> flow = table(page, "new-closed");
		Map<String, List<String>> answers = table(page, "first-answer");
		Map<String, List<String>> channels = table(page, "channel");
		assertThat(flow).hasSize(12);
		LocalDate monday = LocalDate.now(OSLO).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
		Timestamp since = Timestamp.from(monday.atStartOfDay(OSLO).toInstant());
		List<List<String>> flowRows = new ArrayList<>(flow.values());
		List<List<String>> answerRows = new ArrayList<>(answers.values());
		for (int i = 0; i < 12; i++) {
			Timestamp from = Timestamp.from(monday.plusWeeks(i).atStartOfDay(OSLO).toInstant());
			Timestamp to = Timestamp.from(monday.plusWeeks(i + 1).atStartOfDay(OSLO).toInstant());
			assertThat(number(flowRows.get(i).get(0))).as("new, week " + i).isEqualTo(count("""
					select count(*) from support_case
					where category = 'PAYROLL' and created_at >= ? and created_at < ?""", from, to));
			assertThat(number(flowRows.get(i).get(1))).as("closed, week " + i).isEqualTo(count("""
					select count(distinct s.case_id) from status_change s join support_case c on c.id = s.case_id
					where c.category = 'PAYROLL' and s.to_status = 'CLOSED' and s.changed_at >= ? and s.changed_at < ?
					""", from, to));
			List<Double> hours = this.jdbc.queryForList("""
					select extract(epoch from min(m.created_at) - c.created_at) / 3600.0
					from support_case c join message m on m.case_id = c.id
					where c.category = 'PAYROLL' and c.created_at >= ? and c.created_at < ?
					  and m.author_side = 'CENTRE' and m.internal = false
					group by c.id, c.created_at order by 1
					""", Double.class, from, to);
			List<String> cells = answerRows.get(i);
			if (hours.isEmpty()) {
				assertThat(cells).containsOnly("Ingen svar");
			}
			else {
				assertThat(cells.get(0)).as("median, week " + i).isEqualTo(oneDecimal(percentile(hours, 0.5)));
				assertThat(cells.get(1)).as("90th percentile, week " + i).isEqualTo(oneDecimal(percentile(hours, 0.9)));
			}
		}
		assertThat(answerRows.get(11).get(0)).isNotEqualTo("Ingen svar");
		Map<String, String> codes = Map.of("Nett", "WEB", "E-post", "EMAIL", "Telefon", "PHONE", "Fagsystem", "API");
		assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(codes.keySet());
		channels.forEach((label, cells) -> assertThat(number(cells.get(0))).as(label)
			.isEqualTo(count("select count(*) from support_case where category = 'PAYROLL' and channel = ? "
					+ "and created_at >= ?", codes.get(label), since)));
	}

	@Test
	void theShareOfClosedCasesWithinTheirTargetsPerWeekIsWhatSqlCounts() throws Exception {
		Map<String, List<String>> shares = table(Jsoup.parse(html("siri")), "within-target");
		assertThat(shares).hasSize(12);
		LocalDate monday = LocalDate.now(OSLO).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
		List<List<String>> rows = new ArrayList<>(shares.values());
		for (int i = 0; i < 12; i++) {
			Timestamp from = Timestamp.from(monday.plusWeeks(i).atStartOfDay(OSLO).toInstant());
			Timestamp to = Timestamp.from(monday.plusWeeks(i + 1).atStartOfDay(OSLO).toInstant());
			long met = count("""
					select count(*) from support_case
					where category = 'PAYROLL' and status = 'CLOSED' and closed_at >= ? and closed_at < ?
					  and coalesce(first_answered_at, closed_at) <= first_answer_due and closed_at <= resolution_due""",
					from, to);
			long all = count("""
					select count(*) from support_case
					where category = 'PAYROLL' and status = 'CLOSED' and closed_at >= ? and closed_at < ?""", from, to);
			assertThat(number(rows.get(i).get(0))).as("met, week " + i).isEqualTo(met);
			assertThat(number(rows.get(i).get(1))).as("missed, week " + i).isEqualTo(all - met);
			assertThat(rows.get(i).get(2).replaceAll("\\p{Z}", " ")).as("share, week " + i)
				.isEqualTo((all == 0) ? "Ingen avsluttet"
						: NumberFormat.getPercentInstance(Locale.forLanguageTag("nb"))
							.format((double) met / all)
							.replaceAll("\\p{Z}", " "));
		}
	}

	/** As percentile_cont: linear between the two nearest values. */
	private static double percentile(List<Double> sorted, double p) {
		double rank = p * (sorted.size() - 1);
		int below = (int) Math.floor(rank);
		int above = (int) Math.ceil(rank);
		return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
	}

	private static String oneDecimal(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("nb"));
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	@Test
	void aPayrollCaseworkerSeesPayrollFiguresOnlyAndTheAdministratorAll() throws Exception {
		long payroll = count("select count(*) from support_case where category = 'PAYROLL' and status <> 'CLOSED'");
		long accounting = count(
				"select count(*) from support_case where category = 'ACCOUNTING' and status <> 'CLOSED'");
		assertThat(accounting).isPositive();
		assertThat(openTotal("siri")).isEqualTo(payroll);
		assertThat(openTotal("sverre")).isEqualTo(accounting);
		assertThat(openTotal("admin")).isEqualTo(payroll + accounting);
	}

	private long openTotal(String username) throws Exception {
		return table(Jsoup.parse(html(username)), "open-status").values()
			.stream()
			.mapToLong((cells) -> number(cells.get(0)))
			.sum();
	}

	@Test
	void theAgencySideGetsWhatTheQueueGivesThem() throws Exception {
		for (String username : List.of("kari", "lise", "nina")) {
			int queue = this.mvc.perform(get("/saksbehandling").with(user(this.users.loadUserByUsername(username))))
				.andReturn()
				.getResponse()
				.getStatus();
			if (!"nina".equals(username)) {
				assertThat(queue).isEqualTo(404);
			}
			assertThat(status(username)).as(username).isEqualTo(queue);
		}
	}

	@Test
	void noCaseSubjectOrMessageTextIsOnThePage() throws Exception {
		String token = "zq" + Long.toString(System.nanoTime(), 36) + "q";
		long id = open("kari", Category.PAYROLL, Channel.WEB, "Emne " + token, "Melding " + token);
		long siri = this.fixtures.user("siri").id();
		this.transactions.executeWithoutResult((tx) -> this.cases.findById(id)
			.orElseThrow()
			.addInternalNote(siri, "Notat " + token, Instant.now().truncatedTo(ChronoUnit.MICROS)));
		for (String username : List.of("siri", "admin")) {
			assertThat(html(username)).doesNotContain(token).doesNotContain("href=\"/saker/" + id);
		}
	}

	@Test
	void eachChartIsAnImageWithANameAndItsNumbersInATable() throws Exception {
		Document page = Jsoup.parse(html("siri"));
		List<Element> figures = page.select("section.dashboard__figure");
		assertThat(figures).hasSize(7);
		for (Element figure : figures) {
			Element svg = figure.selectFirst("svg");
			assertThat(svg.attr("role")).isEqualTo("img");
			assertThat(svg.attr("aria-label")).isEqualTo(figure.selectFirst("h2").text());
			assertThat(figure.selectFirst("table caption").text()).isEqualTo(figure.selectFirst("h2").text());
			assertThat(figure.select("thead th[scope=col]")).isNotEmpty();
			assertThat(figure.select("tbody th[scope=row]")).isNotEmpty();
		}
		assertThat(page.select("nav a[href=/saksbehandling/oversikt][aria-current=page]")).hasSize(1);
	}

	@Test
	void theFiguresAreCountedAtMostOnceAMinute() throws Exception {
		long before = openTotal("siri");
		open("kari", Category.PAYROLL, Channel.WEB, "Enda en sak", "Første melding");
		assertThat(openTotal("siri")).isEqualTo(before);
		this.caches.getCache(DashboardPages.CACHE).clear();
		assertThat(openTotal("siri")).isEqualTo(before + 1);
	}

}
