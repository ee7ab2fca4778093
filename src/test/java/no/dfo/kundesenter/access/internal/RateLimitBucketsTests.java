package no.dfo.kundesenter.access.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.access.internal.RateLimitBuckets.Demand;
import no.dfo.kundesenter.access.internal.RateLimitBuckets.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class RateLimitBucketsTests {

	private static final Limit TEN_AN_HOUR = new Limit(10, Duration.ofHours(1));

	@Autowired
	RateLimitBuckets buckets;

	@Autowired
	RateLimitCleanup cleanup;

	@Autowired
	JdbcTemplate jdbc;

	private static String freshKey() {
		return "test:" + UUID.randomUUID();
	}

	private boolean taken(String key, long tokens) {
		return this.buckets.take(List.of(new Demand(key, TEN_AN_HOUR, tokens))).isEmpty();
	}

	@Test
	void aRefusedDemandGivesBackWhatTheDemandsBeforeItTook() {
		String files = freshKey();
		String bytes = freshKey();
		assertThat(taken(bytes, 8)).isTrue();

		var wait = this.buckets.take(List.of(new Demand(files, TEN_AN_HOUR, 4), new Demand(bytes, TEN_AN_HOUR, 5)));

		assertThat(wait)
			.hasValueSatisfying((w) -> assertThat(w).isBetween(Duration.ofMinutes(17), Duration.ofMinutes(18)));
		assertThat(taken(files, 10)).isTrue();
	}

	@Test
	void moreThanABucketHoldsIsTakenAsAFullBucket() {
		String key = freshKey();
		assertThat(taken(key, 25)).isTrue();
		assertThat(taken(key, 1)).isFalse();
	}

	@Test
	void aBucketExpiresWhenItIsFullAgainAndTheCleanupDeletesOnlyExpiredOnes() {
		String expired = freshKey();
		String inUse = freshKey();
		long before = System.currentTimeMillis();
		taken(expired, 1);
		taken(inUse, 1);
		// Full again after 6 minutes (one token of ten an hour), then kept for 5.
		assertThat(expiresAt(inUse)).isBetween(before + Duration.ofMinutes(11).minusSeconds(1).toMillis(),
				System.currentTimeMillis() + Duration.ofMinutes(11).toMillis());
		this.jdbc.update("update rate_limit_bucket set expires_at = ? where id = ?", before - 1, expired);

		this.cleanup.removeExpiredBuckets();

		assertThat(rows(expired)).isZero();
		assertThat(rows(inUse)).isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from shedlock where name = 'rate-limit-cleanup'",
				Integer.class))
			.isOne();
	}

	private long expiresAt(String key) {
		return this.jdbc.queryForObject("select expires_at from rate_limit_bucket where id = ?", Long.class, key);
	}

	private int rows(String key) {
		return this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Integer.class, key);
	}

}
