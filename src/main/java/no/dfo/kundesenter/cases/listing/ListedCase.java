package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.dfo.kundesenter.cases.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A row of the case list as the page shows it: labels from the message bundles and times
 * formatted once here, instead of a dozen template expressions for every row.
 *
 * @param hasSnippet whether a free-text search matched a message ({@code snippetHtml}
 * shows where), so the template can ask without an operator
 * @param statusClass the status badge's CSS classes
 * @param channelClass the channel's CSS classes, {@literal null} for none
 * @param createdIso the time for {@code <time datetime>}
 */
record ListedCase(long id, String subject, boolean hasSnippet, @Nullable String snippetHtml, String organizationName,
		String category, String status, String statusClass, String channel, @Nullable String channelClass,
		String reporterName, String createdIso, String created, String updatedIso, String updated) {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	static List<ListedCase> of(List<CaseListRow> rows, MessageSource messages, Locale locale, ZoneId zone) {
		Map<String, String> labels = new HashMap<>();
		return rows.stream()
			.map((row) -> new ListedCase(row.id(), row.subject(), row.snippetHtml() != null, row.snippetHtml(),
					row.organizationName(), label(labels, "category." + row.category(), messages, locale),
					label(labels, "status." + row.status(), messages, locale),
					"status status--" + row.status().name().toLowerCase(Locale.ROOT),
					label(labels, "channel." + row.channel(), messages, locale),
					(row.channel() == Channel.PHONE) ? "tag tag--channel" : null, row.reporterName(),
					iso(row.createdAt(), zone), SHOWN.format(row.createdAt().atZone(zone)), iso(row.updatedAt(), zone),
					SHOWN.format(row.updatedAt().atZone(zone))))
			.toList();
	}

	private static String label(Map<String, String> labels, String code, MessageSource messages, Locale locale) {
		return labels.computeIfAbsent(code, (c) -> messages.getMessage(c, null, locale));
	}

	private static String iso(Instant time, ZoneId zone) {
		return ISO.format(time.atZone(zone));
	}

}
