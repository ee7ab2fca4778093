package no.dfo.kundesenter.cases.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.dashboard.DashboardFigures.AgeBucket;
import no.dfo.kundesenter.cases.dashboard.DashboardFigures.AgencyCount;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the dashboard's figures in the database, each in one aggregate statement over
 * the categories' cases (indexes in V31 and V32).
 */
@Component
class DashboardQueries {

	/** Weeks the weekly figures cover, the current one included. */
	static final int WEEKS = 12;

	/** Agencies in the list of most open cases. */
	static final int TOP_AGENCIES = 10;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DashboardQueries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public DashboardFigures count(Collection<Category> categories) {
		Instant now = this.clock.instant();
		ZoneId zone = this.clock.getZone();
		String[] codes = categories.stream().map(Enum::name).sorted().toArray(String[]::new);
		LocalDate thisWeek = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LocalDate> weeks = new ArrayList<>();
		for (int i = WEEKS - 1; i >= 0; i--) {
			weeks.add(thisWeek.minusWeeks(i));
		}
		Timestamp since = Timestamp.from(weeks.get(0).atStartOfDay(zone).toInstant());
		Timestamp until = Timestamp.from(now);
		String tz = zone.getId();

		Map<CaseStatus, Long> openByStatus = new EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			if (status != CaseStatus.CLOSED) {
				openByStatus.put(status, 0L);
			}
		}
		this.jdbc.query("""
				select status, count(*) from support_case
				where category = any(?) and status <> 'CLOSED' group by status
				""", (rs) -> {
			openByStatus.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
		}, (Object) codes);

		Map<LocalDate, Long> created = new HashMap<>();
		this.jdbc.query("""
				select date_trunc('week', created_at at time zone ?)::date, count(*) from support_case
				where category = any(?) and created_at >= ? and created_at <= ? group by 1
				""", (rs) -> {
			created.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
		}, tz, codes, since, until);
		Map<LocalDate, Long> closed = new HashMap<>();
		this.jdbc.query("""
				select date_trunc('week', s.changed_at at time zone ?)::date, count(distinct s.case_id)
				from status_change s join support_case c on c.id = s.case_id
				where s.to_status = 'CLOSED' and s.changed_at >= ? and s.changed_at <= ? and c.category = any(?)
				group by 1
				""", (rs) -> {
			closed.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
		}, tz, since, until, codes);

		Map<LocalDate, Double> median = new HashMap<>();
		Map<LocalDate, Double> p90 = new HashMap<>();
		this.jdbc.query("""
				select week, percentile_cont(0.5) within group (order by hours),
				       percentile_cont(0.9) within group (order by hours)
				from (select date_trunc('week', c.created_at at time zone ?)::date as week,
				             extract(epoch from (select min(m.created_at) from message m
				                                 where m.case_id = c.id and m.author_side = 'CENTRE'
				                                   and not m.internal) - c.created_at) / 3600.0 as hours
				      from support_case c
				      where c.category = any(?) and c.created_at >= ? and c.created_at <= ?) answered
				where hours is not null
				group by week
				""", (rs) -> {
			LocalDate week = rs.getObject(1, LocalDate.class);
			median.put(week, rs.getDouble(2));
			p90.put(week, rs.getDouble(3));
		}, tz, codes, since, until);

		Map<AgeBucket, Long> ages = new EnumMap<>(AgeBucket.class);
		StringBuilder buckets = new StringBuilder();
		List<Object> args = new ArrayList<>();
		for (AgeBucket bucket : AgeBucket.values()) {
			buckets.append(buckets.isEmpty() ? "" : ", ").append("count(*) filter (where created_at <= ?");
			args.add(Timestamp.from(now.minusSeconds(86_400L * bucket.fromDays)));
			if (bucket.toDays != null) {
				buckets.append(" and created_at > ?");
				args.add(Timestamp.from(now.minusSeconds(86_400L * bucket.toDays)));
			}
			buckets.append(")");
		}
		args.add(codes);
		this.jdbc.query("select " + buckets + " from support_case where category = any(?) and status <> 'CLOSED'",
				(rs) -> {
					for (AgeBucket bucket : AgeBucket.values()) {
						ages.put(bucket, rs.getLong(bucket.ordinal() + 1));
					}
				}, args.toArray());

		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			channels.put(channel, 0L);
		}
		this.jdbc.query("""
				select channel, count(*) from support_case
				where category = any(?) and created_at >= ? and created_at <= ? group by channel
				""", (rs) -> {
			channels.put(Channel.valueOf(rs.getString(1)), rs.getLong(2));
		}, codes, since, until);

		List<AgencyCount> agencies = this.jdbc.query("""
				select o.name, t.open
				from (select organization_id, count(*) as open from support_case
				      where category = any(?) and status <> 'CLOSED'
				      group by organization_id order by count(*) desc, organization_id limit ?) t
				join organization o on o.id = t.organization_id
				order by t.open desc, o.name
				""", (rs, i) -> new AgencyCount(rs.getString(1), rs.getLong(2)), codes, TOP_AGENCIES);

		return new DashboardFigures(now, openByStatus, List.copyOf(weeks), inWeeks(weeks, created),
				inWeeks(weeks, closed), orNull(weeks, median), orNull(weeks, p90), ages, channels, agencies);
	}

	private static List<Long> inWeeks(List<LocalDate> weeks, Map<LocalDate, Long> counts) {
		return weeks.stream().map((w) -> counts.getOrDefault(w, 0L)).toList();
	}

	private static List<@Nullable Double> orNull(List<LocalDate> weeks, Map<LocalDate, Double> values) {
		List<@Nullable Double> list = new ArrayList<>();
		weeks.forEach((w) -> list.add(values.get(w)));
		return list;
	}

}
