package no.dfo.kundesenter.cases.listing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a free-text search matched: for each case on the page, a short excerpt of its
 * first message the viewer may see that has any of the words, with the words highlighted
 * (the case matched all the words, perhaps across subject and messages). PostgreSQL marks
 * the words with control characters (removed from the text first); the excerpt is
 * HTML-escaped and only then are the marks turned into {@code <mark>}, so no text from a
 * message ever reaches the page unescaped.
 */
@Component
class CaseSearchSnippets {

	private static final char START = '\u0001';

	private static final char STOP = '\u0002';

	private static final String SQL = """
			select distinct on (m.case_id) m.case_id,
			       ts_headline('norwegian', translate(m.body, chr(1) || chr(2), ''), q,
			                   'StartSel=' || chr(1) || ', StopSel=' || chr(2)
			                   || ', MaxWords=25, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "') as snippet
			from message m, cast(replace(cast(plainto_tsquery('norwegian', :text) as text), ' & ', ' | ') as tsquery) q
			where m.case_id in (:ids)
			  and %s
			  and to_tsvector('norwegian', m.body) @@ q
			order by m.case_id, m.id
			""";

	private final JdbcClient jdbc;

	CaseSearchSnippets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param withInternalNotes the cases among {@code caseIds} whose internal notes the
	 * viewer sees
	 */
	Map<Long, String> find(List<Long> caseIds, String text, List<Long> withInternalNotes) {
		Map<Long, String> snippets = new HashMap<>();
		if (caseIds.isEmpty()) {
			return snippets;
		}
		var statement = withInternalNotes.isEmpty() ? this.jdbc.sql(SQL.formatted("not m.internal"))
				: this.jdbc.sql(SQL.formatted("(not m.internal or m.case_id in (:internal))"))
					.param("internal", withInternalNotes);
		statement.param("text", text).param("ids", caseIds).query((rs) -> {
			snippets.put(rs.getLong("case_id"), toHtml(rs.getString("snippet")));
		});
		return snippets;
	}

	/**
	 * Escapes the excerpt, then turns PostgreSQL's marks into {@code <mark>} elements.
	 */
	static String toHtml(String marked) {
		String escaped = HtmlUtils.htmlEscape(marked.strip(), "UTF-8");
		StringBuilder html = new StringBuilder(escaped.length() + 32);
		boolean open = false;
		for (char c : escaped.toCharArray()) {
			if (c == START && !open) {
				html.append("<mark>");
				open = true;
			}
			else if (c == STOP && open) {
				html.append("</mark>");
				open = false;
			}
			else if (c != START && c != STOP) {
				html.append(c);
			}
		}
		if (open) {
			html.append("</mark>");
		}
		return html.toString();
	}

}
