package no.dfo.kundesenter.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Templates' {@code #times}: an instant as people read it, in the portal's time zone and
 * the page language's format, and as the machine-readable value of {@code <time>}.
 */
public final class Times {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private final ZoneId zone;

	private final DateTimeFormatter text;

	private final DateTimeFormatter precise;

	Times(ZoneId zone, DateTimeFormatter text, DateTimeFormatter precise) {
		this.zone = zone;
		this.text = text;
		this.precise = precise;
	}

	/** Date and time to the minute, for example {@code 01.12.2026 14:05}. */
	public String text(@Nullable Instant at) {
		return (at != null) ? this.text.format(at.atZone(this.zone)) : "";
	}

	/** Date and time to the second. */
	public String precise(@Nullable Instant at) {
		return (at != null) ? this.precise.format(at.atZone(this.zone)) : "";
	}

	/**
	 * ISO 8601 to the second with the zone's offset, for {@code <time datetime>} (which
	 * allows no more than milliseconds).
	 */
	public String iso(@Nullable Instant at) {
		return (at != null) ? ISO.format(at.atZone(this.zone)) : "";
	}

}
