package no.dfo.kundesenter.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import no.dfo.kundesenter.attachments.TestFiles;
import no.dfo.kundesenter.notifications.internal.DemoMailbox;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Universal design (WCAG 2.1 AA, which the law asks of the portal) on every page, in
 * every language, in a real browser: axe-core's WCAG rules on the page as shown, the Nu
 * Html Checker on its HTML as the server sent it, and reflow at 320 CSS pixels and with
 * text at 200 %. Each page is a group of tests named for it, so a failure says where.
 */
@BrowserTest
class UniversalDesignTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoMailbox mailbox;

	/** The checker's warnings, which fail nothing, by message: where each was seen. */
	private static final Map<String, List<String>> WARNINGS = new TreeMap<>();

	@AfterAll
	static void printWarnings() {
		WARNINGS.forEach((message, where) -> System.out.printf("The Nu Html Checker warns (%d times): %s%n  first %s%n",
				where.size(), message, where.get(0)));
	}

	/**
	 * The language each person had chosen before. The portal keeps a choice made with
	 * {@code ?lang=} on the person, and starts a browser that chose none in it, so each
	 * walk starts with people who chose none, and the choices are put back afterwards.
	 */
	private final Map<String, String> languagesBefore = new HashMap<>();

	@TestFactory
	Stream<DynamicNode> everyPageMeetsWcag21AA(Browser browser, @TempDir Path files) throws Exception {
		Path attachment = Files.write(files.resolve("lønnsslipp mars.pdf"), TestFiles.PDF);
		this.jdbc.query("select username, coalesce(language, '') from app_user where language is not null", (row) -> {
			this.languagesBefore.put(row.getString(1), row.getString(2));
		});
		return Language.ALL.stream().map((language) -> {
			List<Page> pages = new PortalPages(this.jdbc, this.mailbox, attachment).all();
			Stream<DynamicNode> walk = Stream.concat(
					Stream.of(test("starts with nobody's language chosen",
							() -> this.jdbc.update("update app_user set language = null where language is not null"))),
					pages.stream().map((page) -> checks(browser, language, page)));
			return DynamicContainer.dynamicContainer("in " + language, walk);
		});
	}

	@AfterEach
	void restoreLanguages() {
		this.jdbc.update("update app_user set language = null where language is not null");
		this.languagesBefore.forEach((username, language) -> this.jdbc
			.update("update app_user set language = ? where username = ?", language, username));
	}

	private static DynamicContainer checks(Browser browser, Language language, Page page) {
		Visited visited = new Visited();
		return DynamicContainer.dynamicContainer(page.toString(), Stream.of(test("opens", () -> {
			browser.in(language).as(page.user());
			page.visit().open(browser);
			Browser.Sent sent = browser.sent();
			visited.path = browser.path();
			visited.html = sent.html();
			assertThat(sent.status()).as("status of %s", visited.path).isEqualTo(page.status());
			assertThat(browser.js("return document.documentElement.lang")).as("language of %s", visited.path)
				.isEqualTo(page.chosenLanguage() ? language.code() : Chromium.LANGUAGE);
		}), test("breaks no WCAG 2.1 A or AA rule of axe", () -> {
			assumeTrue(visited.path != null, "the page did not open");
			report("axe found on " + page + ", " + visited.path, Axe.violations(browser));
		}), test("is valid HTML as the server sent it", () -> {
			assumeTrue(visited.html != null, "the page did not open");
			HtmlChecker.Report report = HtmlChecker.shared().check(visited.html, browser.url(visited.path));
			report.warnings()
				.forEach((warning) -> WARNINGS.computeIfAbsent(warning.message(), (message) -> new ArrayList<>())
					.add(page + ", " + visited.path + ", line " + warning.line()));
			report("The Nu Html Checker found on " + page + ", " + visited.path,
					report.errors().stream().map(HtmlChecker.Problem::toString).toList());
		}), test("reads without scrolling sideways at 320 px", () -> {
			assumeTrue(visited.path != null, "the page did not open");
			report("At " + Reflow.NARROW + " px, on " + page + ", " + visited.path, Reflow.atNarrowWidth(browser));
		}), test("reads without scrolling sideways with text at 200 %", () -> {
			assumeTrue(visited.path != null, "the page did not open");
			report("With text at 200 %, on " + page + ", " + visited.path, Reflow.atDoubleTextSize(browser));
		})));
	}

	private static DynamicTest test(String name, Executable check) {
		return DynamicTest.dynamicTest(name, check);
	}

	private static void report(String heading, List<String> problems) {
		if (!problems.isEmpty()) {
			fail(heading + ":\n  " + String.join("\n  ", problems));
		}
	}

	/** What the checks of one page need from its visit. */
	private static final class Visited {

		@Nullable String path;

		@Nullable String html;

	}

}
