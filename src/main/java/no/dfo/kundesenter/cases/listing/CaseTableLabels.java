package no.dfo.kundesenter.cases.listing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.unbescape.css.CssEscape;

/**
 * The column names a case table shows beside each value when it becomes cards on a small
 * screen, as a stylesheet made from the message bundles. A label in every cell would cost
 * each row of the case list nine more attribute evaluations; a class per cell costs
 * nothing, and the browser keeps the stylesheet.
 */
@RestController
class CaseTableLabels {

	private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

	/** Cell class (after {@code case-table__}) and the message that names its column. */
	private static final Map<String, String> COLUMNS = columns();

	private final MessageSource messages;

	CaseTableLabels(MessageSource messages) {
		this.messages = messages;
	}

	@GetMapping("/css/kolonner.css")
	ResponseEntity<String> stylesheet(Locale locale, WebRequest request) {
		String css = css(locale);
		String etag = "\"" + DigestUtils.md5DigestAsHex(css.getBytes(StandardCharsets.UTF_8)) + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cacheControl()).build();
		}
		return ResponseEntity.ok().contentType(CSS).eTag(etag).cacheControl(cacheControl()).body(css);
	}

	String css(Locale locale) {
		StringBuilder css = new StringBuilder();
		COLUMNS.forEach((cell, code) -> css.append(".case-table__")
			.append(cell)
			.append("::before { content: \"")
			.append(CssEscape.escapeCssString(this.messages.getMessage(code, null, locale)))
			.append("\"; }\n"));
		return css.toString();
	}

	private static CacheControl cacheControl() {
		return CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "search.sort.col.ID");
		columns.put("subject", "search.sort.col.SUBJECT");
		columns.put("organization", "cases.list.col.organization");
		columns.put("category", "search.sort.col.CATEGORY");
		columns.put("status", "search.sort.col.STATUS");
		columns.put("channel", "search.sort.col.CHANNEL");
		columns.put("reporter", "search.sort.col.REPORTER");
		columns.put("assignee", "queue.col.assignee");
		columns.put("waiting", "queue.col.waiting");
		columns.put("created", "search.sort.col.CREATED");
		columns.put("updated", "search.sort.col.UPDATED");
		return Collections.unmodifiableMap(columns);
	}

}
