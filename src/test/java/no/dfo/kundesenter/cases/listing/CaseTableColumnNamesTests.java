package no.dfo.kundesenter.cases.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On a small screen the case tables become cards, and each value shows its column's name
 * ({@code data-label}, portal.css): every cell of every row carries its column header's
 * text, whichever columns the viewer's table has.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseTableColumnNamesTests {

	/** A header's text, inside its sort link where it has one. */
	private static final Pattern HEADER = Pattern.compile("<th scope=\"col\"[^>]*>\\s*(?:<a [^>]*>)?([^<]+)<");

	private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<td [^>]*data-label=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@ParameterizedTest
	@CsvSource({ "kari, /saker", "lise, /saker?omfang=virksomhet", "siri, /saker",
			"siri, /saksbehandling?visning=alle" })
	void everyCellIsNamedByItsColumn(String username, String path) throws Exception {
		String html = this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String table = html.substring(html.indexOf("<table"), html.indexOf("</table>"));
		List<String> headers = all(HEADER, table.substring(0, table.indexOf("</thead>")));
		List<List<String>> rows = new ArrayList<>();
		Matcher row = ROW.matcher(table.substring(table.indexOf("<tbody")));
		while (row.find()) {
			rows.add(all(CELL, row.group(1)));
		}

		assertThat(headers).hasSizeGreaterThanOrEqualTo(7);
		assertThat(rows).isNotEmpty().allSatisfy((cells) -> assertThat(cells).isEqualTo(headers));
	}

	private static List<String> all(Pattern pattern, String html) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1).strip());
		}
		return found;
	}

}
