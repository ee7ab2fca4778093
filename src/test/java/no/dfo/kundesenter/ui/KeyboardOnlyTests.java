package no.dfo.kundesenter.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who cannot use a mouse registers a case with an attachment and writes in it
 * (WCAG 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible): Tab, Shift+Tab, Enter
 * and Space, and typing into the field that has focus.
 */
@BrowserTest
class KeyboardOnlyTests {

	private static final String REGISTER = "form[data-new-case-form] .form__actions button[type=submit]";

	@Test
	void aCaseWithAnAttachmentIsRegisteredAndWrittenInWithTheKeyboardAlone(Browser browser, @TempDir Path files)
			throws Exception {
		Path timesheet = Files.write(files.resolve("timeliste april.pdf"), TestFiles.PDF);
		Path another = Files.write(files.resolve("timeliste mai.pdf"), TestFiles.PDF);
		Keyboard keyboard = new Keyboard(browser);

		// Sign in: the user name field has focus when the page opens.
		browser.open("/login");
		keyboard.expectFocusOn("#username").type("kari").tab().expectFocusOn("#password").type("demo");
		keyboard.pressAndWait(Keys.ENTER);
		assertThat(browser.path()).startsWith("/saker");

		keyboard.tabTo("a[href$='/saker/ny']").pressAndWait(Keys.ENTER);
		assertThat(browser.path()).isEqualTo("/saker/ny");

		// Tab stops once in a group of radio buttons, on its first when none is chosen:
		// Lønn, chosen with Space, brings the payroll questions.
		keyboard.tabTo("input[name=category]").expectFocusOn("#category1").space();
		assertThat(browser.find("#category1").isSelected()).isTrue();

		// The subject is left out on purpose, to come back to it from the list of errors.
		keyboard.tab().expectFocusOn("#subject");
		keyboard.tab().expectFocusOn("#message").type("Timelistene for april er ikke kommet med i lønnskjøringen.");
		// "Bilag til utbetaling?" is answered "Nei" already: Tab stops on the chosen
		// radio.
		keyboard.tab().expectFocusOn("#voucher2");
		keyboard.tabTo("#files").chooseFile(timesheet);
		browser.waitFor("[data-draft]");
		keyboard.expectFocusOn("#files");
		keyboard.tabTo(REGISTER).pressAndWait(Keys.ENTER);

		// The list of errors has focus, and leads to the field.
		keyboard.expectFocusOn(".error-summary");
		keyboard.tab().expectFocusOn(".error-summary a[href='#subject']").enter();
		browser.waitUntil("focus on the subject",
				() -> "subject".equals(browser.js("return document.activeElement.id")));
		keyboard.expectFocusOn("#subject").type("Timelister for april mangler");
		assertThat(browser.find("[data-draft-list]").getText()).contains("timeliste april.pdf");
		keyboard.tabTo(REGISTER).pressAndWait(Keys.SPACE);
		assertThat(browser.path()).matches("/saker/\\d+");
		assertThat(browser.find(".case-header h1").getText()).isEqualTo("Timelister for april mangler");

		// A message, and Shift+Tab back from the button to add a file forgotten.
		keyboard.tabTo("#body").type("Timelisten for mai er med her også.");
		keyboard.tab().expectFocusOn("#reply-files").tab().expectFocusOn("#svar button[type=submit]");
		keyboard.shiftTab().expectFocusOn("#reply-files").chooseFile(another);
		keyboard.tab().expectFocusOn("#svar button[type=submit]").pressAndWait(Keys.ENTER);
		assertThat(browser.find(".conversation").getText()).contains("Timelisten for mai er med her også.",
				"timeliste april.pdf", "timeliste mai.pdf");
	}

}
