package no.dfo.kundesenter.cases.listing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Case rows as a CSV file for Norwegian Excel: UTF-8 with a byte order mark, semicolons,
 * headers and codes in the reader's language, and every cell that a spreadsheet would
 * take for a formula prefixed with an apostrophe. Never message text: only the columns of
 * the list.
 */
@Component
class CaseCsv {

	static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').get();

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private static final String COLUMNS = "export.col.";

	private final MessageSource messages;

	private final Clock clock;

	CaseCsv(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Sets the response up as a download named {@code name-yyyy-mm-dd.csv} and writes the
	 * rows {@code rows} hands to its consumer, as they come.
	 * @return how many rows were written
	 */
	int write(HttpServletResponse response, String name, PortalUser viewer, Locale locale,
			ToIntFunction<Consumer<CaseListRow>> rows) throws IOException {
		String file = name + "-" + LocalDate.now(this.clock) + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return write(response.getOutputStream(), viewer, locale, rows);
	}

	int write(OutputStream out, PortalUser viewer, Locale locale, ToIntFunction<Consumer<CaseListRow>> rows)
			throws IOException {
		boolean assignees = viewer.isCaseworker();
		DateTimeFormatter times = DateTimeFormatter.ofPattern(text("format.dateTime", locale), locale)
			.withZone(this.clock.getZone());
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write(BYTE_ORDER_MARK);
		CSVPrinter printer = new CSVPrinter(writer, FORMAT);
		List<String> header = new ArrayList<>(
				List.of("id", "subject", "category", "status", "channel", "organization", "reporter"));
		if (assignees) {
			header.add("assignee");
		}
		header.addAll(List.of("created", "updated"));
		printer.printRecord(header.stream().map((column) -> text(COLUMNS + column, locale)));
		int written = rows.applyAsInt((row) -> {
			List<String> cells = new ArrayList<>(12);
			cells.add(Long.toString(row.id()));
			cells.add(neutralised(row.subject()));
			cells.add(text("category." + row.category().name(), locale));
			cells.add(text("status." + row.status().name(), locale));
			cells.add(text("channel." + row.channel().name(), locale));
			cells.add(neutralised(row.organizationName()));
			cells.add(neutralised(row.reporterName()));
			if (assignees) {
				boolean shown = CaseAccessPolicy.seesInternalNotes(viewer, row.category());
				cells.add(shown ? neutralised(row.assigneeName()) : "");
			}
			cells.add(time(times, row.createdAt()));
			cells.add(time(times, row.updatedAt()));
			try {
				printer.printRecord(cells);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		printer.flush();
		return written;
	}

	/**
	 * The value with an apostrophe in front when it starts like a formula ({@code =},
	 * {@code +}, {@code -}, {@code @}, tab or carriage return), so a spreadsheet shows it
	 * as text instead of running it.
	 */
	static String neutralised(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	private static String time(DateTimeFormatter format, @Nullable Instant at) {
		return (at != null) ? format.format(at) : "";
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

}
