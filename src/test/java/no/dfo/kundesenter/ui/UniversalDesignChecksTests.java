package no.dfo.kundesenter.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The checks that every page must pass find what they look for, on small documents made
 * to break them, and say where.
 */
@BrowserTest
class UniversalDesignChecksTests {

	private static String page(String head, String body) {
		return "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Prøve</title>" + head
				+ "</head><body><main><h1>Prøve</h1>" + body + "</main></body></html>";
	}

	@Test
	void axeNamesTheRuleItsImpactAndTheElement(Browser browser) {
		browser.show(page("", "<input id=\"navn\">"));
		assertThat(Axe.violations(browser))
			.anySatisfy((violation) -> assertThat(violation).startsWith("label (critical) at #navn"));
	}

	@Test
	void theHtmlCheckerNamesTheLineAndColumnOfAnError() {
		HtmlChecker.Report report = HtmlChecker.shared()
			.check(page("", "\n<p id=\"a\">En</p>\n<p id=\"a\">To</p>"), "http://localhost/prove");
		assertThat(report.errors()).singleElement()
			.satisfies((error) -> assertThat(error.toString()).startsWith("line 3, column ")
				.endsWith("Duplicate ID “a”."));
	}

	@Test
	void anElementWiderThanANarrowWindowIsNamed(Browser browser) {
		browser.show(page("", "<div class=\"bred\" style=\"width: 40rem\">Bred</div>"));
		assertThat(Reflow.atNarrowWidth(browser))
			.anySatisfy((problem) -> assertThat(problem).startsWith("div.bred reaches"));
	}

	@Test
	void textCutOffInsteadOfScrollingIsNamed(Browser browser) {
		browser.show(page("<style>body { overflow-x: hidden }</style>", "<p style=\"width: 30rem\">Bred</p>"));
		assertThat(Reflow.atNarrowWidth(browser))
			.anySatisfy((problem) -> assertThat(problem).startsWith("body cuts off what is wider than the window"));
	}

	@Test
	void aWideTableMayScrollInsideItsOwnBox(Browser browser) {
		browser.show(page("<style>.table-wrap { overflow-x: auto }</style>",
				"<div class=\"table-wrap\"><table style=\"width: 60rem\"><tr><td>Bred</td></tr></table></div>"));
		assertThat(Reflow.atNarrowWidth(browser)).isEmpty();
	}

	@Test
	void textThatGrowsPastTheWindowIsNamed(Browser browser) {
		browser.show(page("", "<p class=\"fast\" style=\"width: 50rem\">Fast bredde i rem</p>"));
		assertThat(Reflow.atDoubleTextSize(browser))
			.anySatisfy((problem) -> assertThat(problem).startsWith("p.fast reaches"));
	}

	@Test
	void focusWithoutAVisibleIndicatorFails(Browser browser) {
		browser.show(page("<style>a:focus { outline: none }</style>", "<a href=\"#\">Lenke</a>"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> new Keyboard(browser).tab())
			.withMessageContaining("visible focus on a");
	}

}
