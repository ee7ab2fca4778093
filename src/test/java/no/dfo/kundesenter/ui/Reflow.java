package no.dfo.kundesenter.ui;

import java.util.List;

/**
 * WCAG 1.4.10 (reflow) and 1.4.4 (resize text): at 320 CSS pixels wide, and with text at
 * 200 % in a normal window, a page reads without scrolling sideways. A wide data table
 * may scroll, but only inside its own box ({@code .table-wrap}); nothing may be cut off.
 */
final class Reflow {

	/** The narrowest window WCAG asks for: 1280 px at 400 % zoom. */
	static final int NARROW = 320;

	private static final String SIDEWAYS = """
			const root = document.documentElement;
			const width = root.clientWidth;
			const problems = [];
			const name = (el) => {
			  let s = el.tagName.toLowerCase();
			  if (el.id) s += '#' + el.id;
			  if (el.classList.length) s += '.' + [...el.classList].join('.');
			  return s;
			};
			for (const el of [root, document.body]) {
			  const x = getComputedStyle(el).overflowX;
			  if (x === 'hidden' || x === 'clip') {
			    problems.push(name(el) + ' cuts off what is wider than the window (overflow-x: ' + x + ')');
			  }
			}
			if (root.scrollWidth > width) {
			  problems.push('the page is ' + root.scrollWidth + ' px wide in a window of ' + width + ' px');
			}
			// What reaches past the window's right edge, box or content, outside a table's own
			// box; only the innermost such elements are named.
			const past = [];
			for (const el of document.body.querySelectorAll('*')) {
			  if (el.closest('.table-wrap') && !el.matches('.table-wrap')) continue;
			  // An inline SVG clips what it draws to its own box, which is checked itself.
			  if (el.closest('svg') && !el.matches('svg')) continue;
			  const r = el.getBoundingClientRect();
			  if (r.width <= 1 || r.height <= 1) continue;
			  const content = getComputedStyle(el).overflowX === 'visible' ? r.left + el.scrollWidth : r.right;
			  if (Math.max(r.right, content) > width + 0.5) past.push([el, Math.round(Math.max(r.right, content))]);
			}
			past.filter(([el]) => !past.some(([other]) => other !== el && el.contains(other)))
			  .slice(0, 8)
			  .forEach(([el, right]) => problems.push(name(el) + ' reaches ' + right + ' px: "'
			      + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '"'));
			for (const el of document.body.querySelectorAll('*')) {
			  const x = getComputedStyle(el).overflowX;
			  if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1
			      && !el.matches('.table-wrap, textarea, input, select')) {
			    problems.push(name(el) + ' scrolls sideways, and it is not a table\\'s own box (.table-wrap)');
			  }
			}
			return problems;
			""";

	private Reflow() {
	}

	/** What makes the page scroll sideways, or is cut off, at 320 CSS pixels wide. */
	static List<String> atNarrowWidth(Browser browser) {
		try {
			browser.viewport(NARROW, 640);
			return sideways(browser);
		}
		finally {
			browser.normalViewport();
		}
	}

	/** The same with all text at twice its size, in the normal window. */
	static List<String> atDoubleTextSize(Browser browser) {
		try {
			browser.js("document.documentElement.style.fontSize = '200%'");
			return sideways(browser);
		}
		finally {
			browser.js("document.documentElement.style.removeProperty('font-size')");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> sideways(Browser browser) {
		return (List<String>) browser.js(SIDEWAYS);
	}

}
