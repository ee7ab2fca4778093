package no.dfo.kundesenter.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who uses only the keyboard: Tab, Shift+Tab, Enter and Space, and typing into
 * the field that has focus. Wherever focus lands, it must be visible (WCAG 2.4.7): the
 * element has an outline or a box shadow.
 */
final class Keyboard {

	/** Outline or box shadow of the focused element, and what it is. */
	private static final String FOCUSED = """
			const el = document.activeElement;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
			let name = el.tagName.toLowerCase();
			if (el.id) name += '#' + el.id;
			if (el.getAttribute('href')) name += '[href=' + el.getAttribute('href') + ']';
			if (el.name) name += '[name=' + el.name + ']';
			const text = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
			return { name: name + (text ? ' "' + text + '"' : ''), visible: outline || shadow,
			         outline: style.outlineStyle + ' ' + style.outlineWidth, shadow: style.boxShadow };
			""";

	/** Tabs before giving up on reaching an element. */
	private static final int MAX_TABS = 80;

	private final Browser browser;

	Keyboard(Browser browser) {
		this.browser = browser;
	}

	/** Tab, to the next element that takes focus. */
	Keyboard tab() {
		press(Keys.TAB);
		expectVisibleFocus();
		return this;
	}

	/** Shift+Tab, to the one before. */
	Keyboard shiftTab() {
		new Actions(this.browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		expectVisibleFocus();
		return this;
	}

	/** Tab until the element has focus, checking every stop on the way. */
	Keyboard tabTo(String css) {
		List<String> stops = new ArrayList<>();
		for (int i = 0; i < MAX_TABS; i++) {
			tab();
			stops.add(focused());
			if (hasFocus(css)) {
				return this;
			}
		}
		throw new AssertionError("Tab never reached " + css + " on " + this.browser.path() + "; it stopped at:\n  "
				+ String.join("\n  ", stops));
	}

	Keyboard expectFocusOn(String css) {
		assertThat(hasFocus(css)).as("focus on %s, not on %s (%s)", css, focused(), this.browser.path()).isTrue();
		expectVisibleFocus();
		return this;
	}

	/** Types into the focused field. */
	Keyboard type(String text) {
		new Actions(this.browser.driver()).sendKeys(text).perform();
		return this;
	}

	Keyboard space() {
		press(Keys.SPACE);
		return this;
	}

	Keyboard enter() {
		press(Keys.ENTER);
		return this;
	}

	/** Presses a key on the focused link or button, and waits for the page it opens. */
	Keyboard pressAndWait(Keys key) {
		WebElement focused = this.browser.driver().switchTo().activeElement();
		press(key);
		this.browser.waitForNextPage(focused);
		return this;
	}

	/**
	 * Chooses a file in the focused file field. A native file dialog cannot be driven, so
	 * the file's name is given to the field as a person would pick it there.
	 */
	Keyboard chooseFile(Path file) {
		WebElement field = this.browser.driver().switchTo().activeElement();
		assertThat(field.getAttribute("type")).as("the focused field takes files").isEqualTo("file");
		field.sendKeys(file.toString());
		return this;
	}

	private void press(CharSequence key) {
		new Actions(this.browser.driver()).sendKeys(key).perform();
	}

	private boolean hasFocus(String css) {
		return Boolean.TRUE.equals(this.browser.js("return document.activeElement.matches(arguments[0])", css));
	}

	/** What has focus, for messages. */
	String focused() {
		Object focused = this.browser.js(FOCUSED);
		return (focused instanceof java.util.Map<?, ?> map) ? String.valueOf(map.get("name")) : "nothing";
	}

	/** The focused element shows that it has focus. */
	void expectVisibleFocus() {
		Object focused = this.browser.js(FOCUSED);
		assertThat(focused).as("something has focus on %s", this.browser.path()).isInstanceOf(java.util.Map.class);
		java.util.Map<?, ?> state = (java.util.Map<?, ?>) focused;
		assertThat(state.get("visible"))
			.as("visible focus on %s (%s): outline %s, box-shadow %s", state.get("name"), this.browser.path(),
					state.get("outline"), state.get("shadow"))
			.isEqualTo(Boolean.TRUE);
	}

}
