package no.dfo.kundesenter;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import no.dfo.kundesenter.access.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates agencies and people for a test, with names no other test uses, so tests can
 * share the one database with the demo data.
 */
public final class TestPeople {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcTemplate jdbc;

	public TestPeople(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public record Agency(long id, String orgNumber, String name) {
	}

	/**
	 * A new agency with a fresh, valid organization number.
	 */
	public Agency agency(String name) {
		String number = unusedOrgNumber();
		Long id = this.jdbc.queryForObject("insert into organization (org_number, name) values (?, ?) returning id",
				Long.class, number, name);
		return new Agency(id, number, name);
	}

	public Agency existing(String orgNumber) {
		return this.jdbc.queryForObject("select id, org_number, name from organization where org_number = ?",
				(rs, n) -> new Agency(rs.getLong(1), rs.getString(2), rs.getString(3)), orgNumber);
	}

	/**
	 * A new person at the agency with the given roles (none is allowed).
	 * @return the unique user name
	 */
	public String person(String prefix, long organizationId, Role... roles) {
		String username = prefix + "-" + SEQUENCE.incrementAndGet() + "-"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
		Long id = this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id)
				values (?, ?, ?, ?) returning id""", Long.class, username, "Test " + username,
				username + "@example.org", organizationId);
		for (Role role : roles) {
			this.jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role.name());
		}
		return username;
	}

	public long id(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	/**
	 * A nine-digit number with a valid MOD11 check digit that no agency has yet.
	 */
	public String unusedOrgNumber() {
		while (true) {
			String number = withCheckDigit(String.valueOf(ThreadLocalRandom.current().nextInt(80_000_000, 89_999_999)));
			if (number != null && Boolean.FALSE.equals(this.jdbc.queryForObject(
					"select exists (select 1 from organization where org_number = ?)", Boolean.class, number))) {
				return number;
			}
		}
	}

	/**
	 * The eight digits plus their MOD11 check digit, or {@literal null} when none exists.
	 */
	public static String withCheckDigit(String eightDigits) {
		int[] weights = { 3, 2, 7, 6, 5, 4, 3, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (eightDigits.charAt(i) - '0') * weights[i];
		}
		int check = (11 - sum % 11) % 11;
		return (check == 10) ? null : eightDigits + check;
	}

}
