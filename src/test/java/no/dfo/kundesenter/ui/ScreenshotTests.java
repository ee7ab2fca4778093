package no.dfo.kundesenter.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of the main pages for README.md, in docs/screenshots, taken afresh on every
 * run so that they show the portal as it is, with the demo data.
 */
@BrowserTest
class ScreenshotTests {

	private static final int WIDTH = 1024;

	private static final int PHONE_WIDTH = 375;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theMainPagesArePicturedForTheReadme(Browser browser) throws Exception {
		Path folder = Path.of(System.getProperty("basedir", "."), "docs", "screenshots");
		Files.createDirectories(folder);

		// Oldest first, and only as far down as the demo data goes: the tests' own cases
		// come later.
		browser.as("kari").open("/saker?sort=opprettet");
		picture(browser, folder.resolve("saksliste.png"), WIDTH, 1400);

		browser.open("/saker/" + demoCaseWithAnAnswer());
		picture(browser, folder.resolve("sak.png"), WIDTH, 1100);

		browser.open("/saker/ny").submit("form[data-new-case-form] .form__actions button[type=submit]");
		picture(browser, folder.resolve("ny-sak-med-feil.png"), WIDTH, 1100);

		browser.open("/saker?sort=opprettet");
		picture(browser, folder.resolve("saksliste-mobil.png"), PHONE_WIDTH, 2200);

		browser.as("siri").open("/saksbehandling");
		picture(browser, folder.resolve("saksbehandling.png"), WIDTH, 860);
		browser.normalViewport();
	}

	/** One of Kari's demo cases that the centre answered and waits for her on. */
	private long demoCaseWithAnAnswer() {
		return this.jdbc.queryForObject("""
				select min(c.id) from support_case c join app_user u on u.id = c.reporter_id
				where u.username = 'kari' and c.status = 'WAITING_FOR_CUSTOMER'""", Long.class);
	}

	/** The page from its top, as tall as it is up to the height given. */
	private static void picture(Browser browser, Path file, int width, int maxHeight) throws Exception {
		browser.viewport(width, 600);
		// Nothing focused: the page as it first shows.
		browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
		Object height = browser.js("return document.documentElement.scrollHeight");
		browser.viewport(width, Math.min(((Number) height).intValue(), maxHeight));
		byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
		assertThat(png).as(file.toString()).isNotEmpty();
		Files.write(file, png);
	}

}
