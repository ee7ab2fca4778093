package no.dfo.kundesenter.cases.listing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The column names case tables show on cards come from the message bundles, as a
 * stylesheet anyone may fetch and keep.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseTableLabelsTests {

	/**
	 * One rule, its content a single CSS string: no unescaped quote or backslash inside.
	 */
	private static final Pattern RULE = Pattern
		.compile("\\.case-table__[a-z]+::before \\{ content: \"(?:[^\"\\\\]|\\\\.)*\"; \\}");

	private static final Pattern CELL_CLASS = Pattern.compile("<td[^>]*class=\"(case-table__[a-z]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theStylesheetNamesEachColumnFromTheMessagesWithoutSigningIn() throws Exception {
		this.mvc.perform(get("/css/kolonner.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/css;charset=UTF-8"))
			.andExpect(content().string(containsString(".case-table__subject::before { content: \"Emne\"; }")))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString(".case-table__updated::before { content: \"Sist oppdatert\"; }")))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600, public"));
	}

	@Test
	void aBrowserThatHasTheStylesheetGetsNotModified() throws Exception {
		String etag = this.mvc.perform(get("/css/kolonner.css")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

		this.mvc.perform(get("/css/kolonner.css").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified());
	}

	@Test
	void everyCellOfTheCaseTablesHasAColumnName() throws Exception {
		String css = this.mvc.perform(get("/css/kolonner.css")).andReturn().getResponse().getContentAsString();
		Set<String> cells = new TreeSet<>();
		for (String template : new String[] { "cases/list.html", "casework/queue.html" }) {
			cells.addAll(cellClasses(Path.of("src/main/resources/templates", template)));
		}

		assertThat(cells).hasSizeGreaterThanOrEqualTo(11)
			.allSatisfy((cell) -> assertThat(css).contains("." + cell + "::before { content: \""));
	}

	@Test
	void quotesAndBackslashesInAColumnNameCannotEndTheRule() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		messages.addMessage("search.sort.col.SUBJECT", Locale.ROOT, "Emne\"; } body { display: none; } \\");

		String css = new CaseTableLabels(messages).css(Locale.ROOT);

		assertThat(css.lines()).hasSize(11).allSatisfy((line) -> assertThat(line).matches(RULE));
		assertThat(css).contains("content: \"Emne\\\"\\; } body { display: none\\; } \\\\\"; }");
	}

	private static Set<String> cellClasses(Path template) throws IOException {
		Set<String> cells = new TreeSet<>();
		Matcher matcher = CELL_CLASS.matcher(Files.readString(template));
		while (matcher.find()) {
			cells.add(matcher.group(1));
		}
		return cells;
	}

}
