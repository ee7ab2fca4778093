package no.dfo.kundesenter.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, on the page the browser shows.
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private Axe() {
	}

	/**
	 * The rules the page breaks, one line per element: rule id, impact, the element's
	 * selector, what to fix, and the page's address. Empty when it breaks none.
	 */
	static List<String> violations(Browser browser) {
		AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
		runOnly.setType("tag");
		runOnly.setValues(TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(runOnly);
		// Only what failed comes back: the passes of a whole page are a lot of JSON.
		options.setResultTypes(List.of("violations"));
		Results results = new AxeBuilder().withOptions(options).analyze(browser.driver());
		if (results.isErrored()) {
			throw new IllegalStateException("axe failed on " + browser.path() + ": " + results.getErrorMessage());
		}
		String url = browser.path();
		return results.getViolations().stream().flatMap((rule) -> describe(rule, url).stream()).toList();
	}

	private static List<String> describe(Rule rule, String url) {
		return rule.getNodes()
			.stream()
			.map((node) -> "%s (%s) at %s: %s [%s]".formatted(rule.getId(), impact(rule, node), target(node),
					rule.getHelp(), url))
			.collect(Collectors.toList());
	}

	private static String impact(Rule rule, CheckedNode node) {
		return (node.getImpact() != null) ? node.getImpact() : String.valueOf(rule.getImpact());
	}

	private static String target(CheckedNode node) {
		Object target = node.getTarget();
		if (target instanceof List<?> selectors) {
			return selectors.stream().map(String::valueOf).collect(Collectors.joining(" >> "));
		}
		return String.valueOf(target);
	}

}
