package no.dfo.kundesenter.ui;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's checker for HTML, {@code nu.validator}) as a library: it
 * checks a document in memory against HTML's rules, offline, with the schemas it carries.
 * Reading them takes seconds, so one checker serves a whole run.
 * <p>
 * The checker loads only with Jetty's HTTP client beside it, which must not be on the
 * tests' class path (see pom.xml): so it gets a class loader of its own, from the files
 * Maven names in {@value #CLASS_PATH}, and is called through its public API
 * ({@code SimpleDocumentValidator}), whose methods take only the JDK's SAX types. Without
 * the property (in an IDE) the checker is looked for on the class path.
 */
final class HtmlChecker {

	static final String CLASS_PATH = "html-checker.class-path";

	private static final String VALIDATOR = "nu.validator.validation.SimpleDocumentValidator";

	/** Every element of HTML, with ARIA, SVG and MathML: what the online checker uses. */
	private static final String HTML = "http://s.validator.nu/html5-all.rnc";

	private static @Nullable HtmlChecker shared;

	private final Object validator;

	private final Method check;

	private final Collector collector = new Collector();

	private HtmlChecker() {
		try {
			Class<?> type = Class.forName(VALIDATOR, true, loader());
			// No log4j set-up of its own, no URLs logged, no guessing of the text's
			// language.
			this.validator = type.getConstructor(boolean.class, boolean.class, boolean.class)
				.newInstance(false, false, false);
			type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
				.invoke(this.validator, HTML, this.collector);
			// Buffered rather than streamed, so that every check runs; no external
			// entities.
			type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
				.invoke(this.validator, this.collector, true, false);
			this.check = type.getMethod("checkHtmlInputSource", InputSource.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The Nu Html Checker did not start", ex);
		}
	}

	private static ClassLoader loader() {
		String files = System.getProperty(CLASS_PATH);
		if (files == null || files.isBlank()) {
			return HtmlChecker.class.getClassLoader();
		}
		URL[] urls = Arrays.stream(files.split(",")).map(String::strip).map((file) -> {
			try {
				return Path.of(file).toUri().toURL();
			}
			catch (MalformedURLException ex) {
				throw new IllegalStateException(CLASS_PATH + " names " + file, ex);
			}
		}).toArray(URL[]::new);
		return new URLClassLoader("html-checker", urls, HtmlChecker.class.getClassLoader());
	}

	static synchronized HtmlChecker shared() {
		if (shared == null) {
			shared = new HtmlChecker();
		}
		return shared;
	}

	/** The errors and warnings in a document, as the server sent it. */
	synchronized Report check(String html, String url) {
		Report report = new Report(new ArrayList<>(), new ArrayList<>());
		this.collector.report = report;
		InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		source.setEncoding("UTF-8");
		source.setSystemId(url);
		try {
			this.check.invoke(this.validator, source);
		}
		catch (InvocationTargetException ex) {
			report.errors().add(new Problem(0, 0, "The checker could not read the page: " + ex.getCause()));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		return report;
	}

	/**
	 * @param errors what HTML forbids
	 * @param warnings what it advises against
	 */
	record Report(List<Problem> errors, List<Problem> warnings) {

	}

	/** What the checker says, and where in the document. */
	record Problem(int line, int column, String message) {

		@Override
		public String toString() {
			return "line %d, column %d: %s".formatted(this.line, this.column, this.message);
		}

	}

	private static final class Collector implements ErrorHandler {

		private Report report = new Report(new ArrayList<>(), new ArrayList<>());

		@Override
		public void warning(SAXParseException problem) {
			this.report.warnings().add(describe(problem));
		}

		@Override
		public void error(SAXParseException problem) {
			this.report.errors().add(describe(problem));
		}

		@Override
		public void fatalError(SAXParseException problem) {
			this.report.errors().add(describe(problem));
		}

		private static Problem describe(SAXParseException problem) {
			return new Problem(problem.getLineNumber(), problem.getColumnNumber(), problem.getMessage());
		}

	}

}
