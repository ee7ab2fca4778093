package no.dfo.kundesenter.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both are named, so
 * nothing is downloaded while the tests run (Selenium Manager never runs), and the
 * browser talks to nobody but the portal. Starting one costs seconds, so one browser
 * serves all browser tests of a run ({@link SharedBrowser}).
 */
final class Chromium implements AutoCloseable {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** The language the browser asks for, as the portal's users' browsers do. */
	static final String LANGUAGE = "nb";

	/** The window the pages are checked in: a laptop's. */
	static final int WIDTH = 1280;

	static final int HEIGHT = 900;

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Chromium start() {
		for (Path executable : List.of(BROWSER, DRIVER)) {
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException(executable + " is missing: the browser tests need Debian's Chromium "
						+ "(apt-get install -y chromium chromium-driver). Skip them on your own machine with -D"
						+ SharedBrowser.SKIP_PROPERTY + "=true; CI never skips them.");
			}
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("kundesenter-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("No temporary directory for the browser profile", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
				"--force-device-scale-factor=1", "--hide-scrollbars");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", LANGUAGE + "-NO," + LANGUAGE + ",no"));
		// The network events say which response a page came from (Browser.sent()).
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		return new Chromium(driver, profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory; the system cleans it up
		}
	}

}
