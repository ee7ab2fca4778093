package no.dfo.kundesenter.access.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Token buckets in the {@code rate_limit_bucket} table, through Bucket4j's PostgreSQL
 * proxy manager (a row per key, locked with {@code SELECT … FOR UPDATE} while it is read
 * and written). The buckets have a small connection pool of their own: a request that
 * holds a connection of the main pool in a transaction (registering a case, storing
 * files) takes its bucket without waiting on that same pool, which could run dry with
 * every holder waiting for a second connection.
 */
class RateLimitBuckets implements AutoCloseable {

	private static final int POOL_SIZE = 2;

	/**
	 * How long a row stays after its bucket is full again; the cleanup deletes it then.
	 */
	private static final Duration KEPT_WHEN_FULL = Duration.ofMinutes(5);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final HikariDataSource pool;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimitBuckets(JdbcConnectionDetails database) {
		this.pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(database.getJdbcUrl())
			.username(database.getUsername())
			.password(database.getPassword())
			.driverClassName(database.getDriverClassName())
			.build();
		this.pool.setPoolName("rate-limits");
		this.pool.setMaximumPoolSize(POOL_SIZE);
		this.pool.setMinimumIdle(0);
		this.pool.setConnectionTimeout(REQUEST_TIMEOUT.toMillis());
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(this.pool)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
			.requestTimeout(REQUEST_TIMEOUT)
			.build();
	}

	/**
	 * Takes every demand's tokens, in order, or none: when one is refused, those before
	 * it get theirs back. Demands of nothing are met at once.
	 * @return how long until the refused demand could be met; empty when all were taken
	 */
	Optional<Duration> take(List<Demand> wanted) {
		List<Demand> demands = wanted.stream().filter((demand) -> demand.tokens() > 0).toList();
		for (int i = 0; i < demands.size(); i++) {
			Demand demand = demands.get(i);
			ConsumptionProbe probe = bucket(demand).tryConsumeAndReturnRemaining(demand.tokens());
			if (!probe.isConsumed()) {
				demands.subList(0, i).forEach(this::giveBack);
				return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
			}
		}
		return Optional.empty();
	}

	/** Returns tokens taken for something that turned out not to count. */
	void giveBack(Demand demand) {
		bucket(demand).addTokens(demand.tokens());
	}

	/** Deletes a bucket: the key starts again with a full one. */
	void forget(String key) {
		this.buckets.removeProxy(key);
	}

	/**
	 * Deletes up to {@code max} rows of buckets that have been full for a while.
	 * @return how many were deleted
	 */
	int removeExpired(int max) {
		return this.buckets.removeExpired(max);
	}

	private BucketProxy bucket(Demand demand) {
		return this.buckets.builder().build(demand.key(), demand.limit()::configuration);
	}

	@Override
	public void close() {
		this.pool.close();
	}

	/**
	 * A bucket of {@code capacity} tokens that refills evenly over {@code period}: after
	 * a burst, one more every {@code period / capacity}.
	 */
	record Limit(long capacity, Duration period) {

		Limit {
			// A capacity or period Bucket4j cannot take fails at start-up, not at first
			// use.
			configuration(capacity, period);
		}

		BucketConfiguration configuration() {
			return configuration(this.capacity, this.period);
		}

		private static BucketConfiguration configuration(long capacity, Duration period) {
			return BucketConfiguration.builder()
				.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, period))
				.build();
		}

	}

	/**
	 * Tokens wanted from one key's bucket. More than the bucket holds are taken as a full
	 * bucket (Bucket4j would refuse them for ever), so one upload larger than the whole
	 * allowance still goes through when nothing else was uploaded lately.
	 */
	record Demand(String key, Limit limit, long tokens) {

		Demand {
			tokens = Math.min(tokens, limit.capacity());
		}

	}

}
