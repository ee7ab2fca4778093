package no.dfo.kundesenter.ui;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shared Chromium pointed at one portal: signing in through the login form, opening
 * pages in the language being checked, and reading back a page's HTML as the server sent
 * it.
 */
final class Browser {

	private static final Json JSON = new Json();

	private final ChromeDriver driver;

	private final String base;

	private Language language = Language.ALL.get(0);

	private @Nullable String signedInAs;

	/** The last page the network log told of. */
	private @Nullable Document lastDocument;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	/** The browser with no cookies, at its usual size and text size, on a blank page. */
	static Browser fresh(ChromeDriver driver, int port) {
		Browser browser = new Browser(driver, port);
		driver.get("about:blank");
		browser.cdp("Network.clearBrowserCookies", Map.of());
		browser.normalViewport();
		browser.networkEvents();
		return browser;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	Browser in(Language language) {
		this.language = language;
		return this;
	}

	/** The portal's address of a path, with the language parameter when it has one. */
	String url(String path) {
		String url = this.base + path;
		if (this.language.parameter() == null) {
			return url;
		}
		int fragment = url.indexOf('#');
		String tail = (fragment < 0) ? "" : url.substring(fragment);
		String head = (fragment < 0) ? url : url.substring(0, fragment);
		return head + (head.contains("?") ? "&" : "?") + "lang=" + this.language.parameter() + tail;
	}

	Browser open(String path) {
		this.driver.get(url(path));
		return this;
	}

	/** Shows a document that is not the portal's, to try the checks on. */
	Browser show(String html) {
		this.driver.get("data:text/html;charset=utf-8;base64,"
				+ Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
		return this;
	}

	/** The path and query of the page shown, without the portal's address. */
	String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.base)) ? url.substring(this.base.length()) : String.valueOf(url);
	}

	/**
	 * Signs in with the demo's login form (password "demo"), unless already signed in as
	 * this person; {@code null} signs out.
	 */
	Browser as(@Nullable String username) {
		if (Objects.equals(username, this.signedInAs)) {
			return this;
		}
		this.driver.get("about:blank");
		cdp("Network.clearBrowserCookies", Map.of());
		this.signedInAs = null;
		if (username != null) {
			open("/login");
			type("#username", username);
			type("#password", "demo");
			submit("main form button[type=submit]");
			waitUntil("signed in as " + username, () -> !path().startsWith("/login"));
			this.signedInAs = username;
		}
		return this;
	}

	/** An element by CSS selector, or by XPath when the selector starts with "//". */
	WebElement find(String selector) {
		return this.driver.findElement(by(selector));
	}

	private static By by(String selector) {
		return selector.startsWith("//") ? By.xpath(selector) : By.cssSelector(selector);
	}

	Browser type(String selector, String text) {
		WebElement element = find(selector);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	Browser click(String selector) {
		find(selector).click();
		return this;
	}

	Browser select(String selector, String value) {
		new Select(find(selector)).selectByValue(value);
		return this;
	}

	/**
	 * Presses a button that sends its form, and waits until the next page has loaded. A
	 * button the script hid (the form's way without script) is pressed as the form's
	 * submitter.
	 */
	Browser submit(String selector) {
		WebElement button = find(selector);
		if (button.isDisplayed()) {
			button.click();
		}
		else {
			js("arguments[0].form.requestSubmit(arguments[0])", button);
		}
		waitForNextPage(button);
		return this;
	}

	/**
	 * Waits until the page an element was on has gone and the next one has loaded. While
	 * Chromium swaps documents, asking about the old element may fail with an error that
	 * is not "stale" yet: that means gone too.
	 */
	void waitForNextPage(WebElement onThePageBefore) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).withMessage("the next page").until((driver) -> {
			try {
				onThePageBefore.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				return true;
			}
		});
		waitUntil("the page to load", () -> "complete".equals(js("return document.readyState")));
	}

	void waitFor(String css) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	void waitUntil(String what, BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).withMessage(what)
			.until((driver) -> condition.getAsBoolean());
	}

	@Nullable Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Lays the page out for a viewport of this many CSS pixels, as a phone would. */
	void viewport(int width, int height) {
		cdp("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		waitUntil("the page laid out " + width + " px wide", () -> windowWidth() == width);
	}

	/**
	 * Back to the normal window, once the page is laid out in it again: the next check
	 * must not measure the narrow layout.
	 */
	void normalViewport() {
		cdp("Emulation.clearDeviceMetricsOverride", Map.of());
		this.driver.manage().window().setSize(new Dimension(Chromium.WIDTH, Chromium.HEIGHT));
		waitUntil("the page laid out in the normal window", () -> windowWidth() > Reflow.NARROW);
	}

	private int windowWidth() {
		return ((Number) Objects.requireNonNull(js("return window.innerWidth"))).intValue();
	}

	Map<String, Object> cdp(String command, Map<String, Object> parameters) {
		return this.driver.executeCdpCommand(command, parameters);
	}

	/**
	 * The page shown as the server sent it, byte for byte (not the browser's DOM): the
	 * body of the response the page was made from, which Chromium keeps, found through
	 * its network log. So a page that came from a form, or after a redirect, is read as
	 * it came, without asking the server again.
	 */
	Sent sent() {
		String current = withoutFragment(String.valueOf(this.driver.getCurrentUrl()));
		for (Map<String, Object> event : networkEvents()) {
			if ("Network.responseReceived".equals(event.get("method"))) {
				Map<?, ?> params = (Map<?, ?>) event.get("params");
				Map<?, ?> response = (Map<?, ?>) params.get("response");
				if ("Document".equals(params.get("type"))) {
					this.lastDocument = new Document((String) params.get("requestId"),
							withoutFragment((String) response.get("url")),
							((Number) response.get("status")).intValue());
				}
			}
		}
		Document document = this.lastDocument;
		if (document == null || !document.url().equals(current)) {
			throw new IllegalStateException("No response for " + current + " in the browser's network log");
		}
		Map<String, Object> body = cdp("Network.getResponseBody", Map.of("requestId", document.requestId()));
		String html = Boolean.TRUE.equals(body.get("base64Encoded"))
				? new String(Base64.getDecoder().decode((String) body.get("body")), StandardCharsets.UTF_8)
				: (String) body.get("body");
		return new Sent(document.status(), html);
	}

	/**
	 * A page as the server sent it.
	 *
	 * @param status its HTTP status
	 * @param html its HTML
	 */
	record Sent(int status, String html) {

	}

	private record Document(String requestId, String url, int status) {

	}

	private List<Map<String, Object>> networkEvents() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			Map<String, Object> message = JSON.toType(entry.getMessage(), Json.MAP_TYPE);
			@SuppressWarnings("unchecked")
			Map<String, Object> inner = (Map<String, Object>) message.get("message");
			if (inner != null) {
				events.add(inner);
			}
		}
		return events;
	}

	private static String withoutFragment(String url) {
		int fragment = url.indexOf('#');
		return (fragment < 0) ? url : url.substring(0, fragment);
	}

}
