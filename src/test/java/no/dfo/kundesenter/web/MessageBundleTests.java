package no.dfo.kundesenter.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles hold the same keys in bokmål (the files without a suffix, the
 * default), nynorsk ({@code _nn}) and English ({@code _en}), with the same arguments; and
 * the templates take their visible text from those bundles alone (DESIGN.md §9, Språklova
 * § 14). Reads the source files, so a failure names the file, the key and the template
 * line to fix.
 */
class MessageBundleTests {

	private static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Locale BOKMAL = Locale.of("nb");

	/** The languages besides bokmål, each a {@code <bundle>_<language>.properties}. */
	private static final List<Locale> TRANSLATIONS = List.of(Locale.of("nn"), Locale.of("en"));

	/**
	 * Keys whose values are java.time patterns, not MessageFormat ones: format.date...
	 */
	private static final String TIME_PATTERNS = "format.date";

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

	private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z][a-zA-Z0-9]*|#\\d+|#[xX][0-9a-fA-F]+);");

	private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	private static final Pattern TEXT_MODE_TAG = Pattern.compile("\\[#[^\\]]*]|\\[/]");

	private static final Pattern BARE_KEY = Pattern.compile("[\\w.-]+");

	private static final Pattern QUOTED_KEY = Pattern.compile("'([^']*)'");

	private static final Pattern MESSAGES_CALL = Pattern
		.compile("#messages\\.(?:msg|msgOrNull|msgWithParams|msgOrNullWithParams)\\(\\s*'([^']*)'\\s*[,)]");

	/** fragments/tables :: head(...) takes its column headings as message keys. */
	private static final Pattern TABLE_HEAD = Pattern.compile("fragments/tables\\s*::\\s*head\\(");

	/** How Thymeleaf's HTML template parser configures AttoParser. */
	private static final ParseConfiguration THYMELEAF_HTML = ParseConfiguration.htmlConfiguration();

	static {
		THYMELEAF_HTML.setElementBalancing(ParseConfiguration.ElementBalancing.NO_BALANCING);
		THYMELEAF_HTML.setCaseSensitive(false);
		THYMELEAF_HTML.setNoUnmatchedCloseElementsRequired(false);
		THYMELEAF_HTML.setUniqueAttributesInElementRequired(true);
		THYMELEAF_HTML.setXmlWellFormedAttributeValuesRequired(false);
		THYMELEAF_HTML.setUniqueRootElementPresence(ParseConfiguration.UniqueRootElementPresence.NOT_VALIDATED);
		THYMELEAF_HTML.getPrologParseConfiguration().setValidateProlog(false);
	}

	/** Attributes a person reads or hears, and so must come from the messages. */
	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "alt", "aria-label", "placeholder",
			"aria-description", "aria-roledescription", "aria-valuetext");

	/** Attributes whose processing replaces the element's body. */
	private static final Set<String> BODY_REPLACERS = Set.of("th:text", "th:utext", "th:insert", "th:include",
			"th:errors");

	/** Attributes whose processing replaces the element itself. */
	private static final Set<String> ELEMENT_REPLACERS = Set.of("th:replace", "th:substituteby");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, String> bundleOfKey = new TreeMap<>();
		for (String bundle : bundles()) {
			Map<String, String> bokmal = read(file(bundle, null), problems);
			bokmal.keySet().forEach((key) -> {
				String other = bundleOfKey.putIfAbsent(key, bundle);
				if (other != null) {
					problems.add("%s and %s both define %s: which one wins depends on the order of the basenames"
						.formatted(fileName(other, null), fileName(bundle, null), key));
				}
			});
			for (Locale language : TRANSLATIONS) {
				Path translated = file(bundle, language);
				if (!Files.exists(translated)) {
					problems.add(translated + " is missing: every bundle needs a file for " + language);
					continue;
				}
				Map<String, String> translation = read(translated, problems);
				bokmal.keySet()
					.stream()
					.filter((key) -> !translation.containsKey(key))
					.forEach((key) -> problems.add("%s lacks %s (%s has it: «%s»)".formatted(translated.getFileName(),
							key, fileName(bundle, null), bokmal.get(key))));
				translation.keySet()
					.stream()
					.filter((key) -> !bokmal.containsKey(key))
					.forEach((key) -> problems.add("%s has %s, which %s lacks: add it there (bokmål) or remove it"
						.formatted(translated.getFileName(), key, fileName(bundle, null))));
			}
		}
		problems.addAll(strayBundleFiles());
		assertNoProblems(problems);
	}

	@Test
	void noMessageIsBlank() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundles()) {
			for (Locale language : languages()) {
				Path file = file(bundle, language);
				if (Files.exists(file)) {
					read(file, problems).forEach((key, value) -> {
						if (value.isBlank()) {
							problems.add("%s: %s is blank".formatted(file.getFileName(), key));
						}
					});
				}
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void everyMessageParsesAndTakesTheBokmalArguments() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundles()) {
			Map<String, String> bokmal = read(file(bundle, null), problems);
			bokmal.forEach((key, value) -> checkPattern(fileName(bundle, null), key, value, BOKMAL, problems));
			for (Locale language : TRANSLATIONS) {
				Path translated = file(bundle, language);
				if (!Files.exists(translated)) {
					continue;
				}
				read(translated, problems).forEach((key, value) -> {
					String name = translated.getFileName().toString();
					checkPattern(name, key, value, language, problems);
					String original = bokmal.get(key);
					if (original != null && !key.startsWith(TIME_PATTERNS)
							&& !arguments(original).equals(arguments(value))) {
						problems.add("%s: %s takes the arguments %s, but the bokmål message takes %s: «%s»"
							.formatted(name, key, arguments(value), arguments(original), original));
					}
				});
			}
		}
		assertNoProblems(problems);
	}

	@Test
	void everyKeyATemplateNamesIsInABundle() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> known = new TreeSet<>();
		List<String> bundles = bundles();
		for (String bundle : bundles) {
			known.addAll(read(file(bundle, null), problems).keySet());
		}
		for (Template template : templates()) {
			template.keys()
				.stream()
				.filter((use) -> !known.contains(use.key()))
				.forEach((use) -> problems.add("%s: #{%s} is in no bundle (%s)".formatted(use.where(), use.key(),
						String.join(", ", bundles))));
		}
		assertNoProblems(problems);
	}

	@Test
	void templatesHoldNoTextOutsideMessageKeys() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Template template : templates()) {
			problems.addAll(template.literalText());
		}
		assertNoProblems(problems);
	}

	private static void checkPattern(String file, String key, String value, Locale language, List<String> problems) {
		if (key.startsWith(TIME_PATTERNS)) {
			try {
				DateTimeFormatter.ofPattern(value, language).format(ZonedDateTime.now());
			}
			catch (IllegalArgumentException ex) {
				problems
					.add("%s: %s is not a java.time pattern (%s): «%s»".formatted(file, key, ex.getMessage(), value));
			}
			return;
		}
		try {
			MessageFormat format = new MessageFormat(value, language);
			for (long sample : new long[] { 0, 1, 2, 25 }) {
				Object[] arguments = new Object[10];
				Arrays.fill(arguments, sample);
				format.format(arguments);
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add("%s: %s does not parse as a MessageFormat pattern (%s): «%s»".formatted(file, key,
					ex.getMessage(), value));
			return;
		}
		// Spring formats a message with MessageFormat only when it is given arguments:
		// in a message with arguments ' starts a quoted part and '' writes one quote,
		// in one without them the text is shown as it is written.
		if (!arguments(value).isEmpty() && LONE_QUOTE.matcher(value).find()) {
			problems.add(("%s: %s has arguments, so MessageFormat drops its single ' (and quotes what follows):"
					+ " write '' or the typographic ’: «%s»")
				.formatted(file, key, value));
		}
		if (arguments(value).isEmpty() && value.contains("''")) {
			problems.add("%s: %s has no arguments, so its '' is shown doubled: write ' or ’: «%s»".formatted(file, key,
					value));
		}
	}

	/** The indexes of the arguments a pattern uses, also inside choice formats. */
	static Set<Integer> arguments(String pattern) {
		Set<Integer> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(pattern.replace("''", ""));
		while (matcher.find()) {
			found.add(Integer.valueOf(matcher.group(1)));
		}
		return found;
	}

	private static List<String> bundles() throws IOException {
		Properties application = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("application.properties"),
				StandardCharsets.UTF_8)) {
			application.load(reader);
		}
		return Stream.of(application.getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
	}

	private static List<Locale> languages() {
		List<Locale> languages = new ArrayList<>();
		languages.add(null);
		languages.addAll(TRANSLATIONS);
		return languages;
	}

	private static Path file(String bundle, Locale language) {
		return RESOURCES.resolve(fileName(bundle, language));
	}

	private static String fileName(String bundle, Locale language) {
		return bundle + ((language != null) ? "_" + language : "") + ".properties";
	}

	/** Files that look like message bundles but that Spring would never read. */
	private static List<String> strayBundleFiles() throws IOException {
		Set<String> expected = new TreeSet<>();
		for (String bundle : bundles()) {
			languages().forEach((language) -> expected.add(fileName(bundle, language)));
		}
		try (Stream<Path> files = Files.list(RESOURCES)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("messages") && name.endsWith(".properties"))
				.filter((name) -> !expected.contains(name))
				.map((name) -> name + " is not read: its bundle is not in spring.messages.basename, or its language"
						+ " is not one of bokmål, " + TRANSLATIONS)
				.toList();
		}
	}

	/** A bundle file's keys and values, read as UTF-8 as Spring Boot reads them. */
	private static Map<String, String> read(Path file, List<String> problems) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		Properties properties = new Properties() {

			@Override
			public synchronized Object put(Object key, Object value) {
				if (values.putIfAbsent((String) key, (String) value) != null) {
					problems.add("%s: %s is defined twice".formatted(file.getFileName(), key));
				}
				return super.put(key, value);
			}

		};
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return values;
	}

	private static List<Template> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> paths = files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().endsWith(".html") || file.toString().endsWith(".txt"))
				.sorted()
				.toList();
			List<Template> templates = new ArrayList<>();
			for (Path path : paths) {
				templates.add(new Template(TEMPLATES.relativize(path).toString(), Files.readString(path)));
			}
			return templates;
		}
	}

	private static void assertNoProblems(List<String> problems) {
		assertThat(problems).withFailMessage(() -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems))
			.isEmpty();
	}

	record KeyUse(String key, String where) {
	}

	/**
	 * One template: HTML ones parsed by AttoParser as Thymeleaf parses them, TEXT ones
	 * (the .txt mail templates) read line by line.
	 */
	record Template(String name, String source) {

		boolean isText() {
			return this.name.endsWith(".txt");
		}

		List<KeyUse> keys() {
			List<KeyUse> keys = new ArrayList<>();
			if (isText()) {
				String[] lines = this.source.split("\n", -1);
				for (int i = 0; i < lines.length; i++) {
					keysIn(lines[i], this.name + ":" + (i + 1), keys);
				}
				return keys;
			}
			parse().forEach((node) -> {
				if (node instanceof Tag tag) {
					tag.attributes().forEach((attribute, value) -> {
						String where = this.name + ":" + value.line();
						keysIn(value.text(), where, keys);
						String name = thymeleafName(attribute);
						if ((ELEMENT_REPLACERS.contains(name) || BODY_REPLACERS.contains(name))
								&& TABLE_HEAD.matcher(value.text()).find()) {
							Matcher quoted = QUOTED_KEY.matcher(value.text());
							while (quoted.find()) {
								keys.add(new KeyUse(quoted.group(1), where));
							}
						}
					});
				}
				else if (node instanceof Chars chars) {
					Matcher inlined = INLINED.matcher(chars.text());
					while (inlined.find()) {
						keysIn(inlined.group(), this.name + ":" + chars.lineOf(inlined.start()), keys);
					}
				}
			});
			return keys;
		}

		/** Visible text that no message key holds, each with its line. */
		List<String> literalText() {
			List<String> problems = new ArrayList<>();
			if (isText()) {
				String[] lines = this.source.split("\n", -1);
				for (int i = 0; i < lines.length; i++) {
					String left = TEXT_MODE_TAG.matcher(INLINED.matcher(lines[i]).replaceAll(" ")).replaceAll(" ");
					if (LETTER.matcher(left).find()) {
						problems.add("%s:%d: the text «%s» is outside a message key: write it as [(#{key})]"
							.formatted(this.name, i + 1, left.strip()));
					}
				}
				return problems;
			}
			walk(parse(), false, problems);
			return problems;
		}

		/**
		 * Checks an element unless an ancestor's th:text or the like has {@code replaced}
		 * it. The text of an element that th:replace or th:insert replaces never reaches
		 * the page, but the elements inside it are checked: they may be taken as
		 * fragments, as a page's
		 * {@code <html th:replace="~{layout :: layout(~{::title}, ~{::#page})}">} takes
		 * its title and its page.
		 */
		private void walk(Tag tag, boolean replaced, List<String> problems) {
			Map<String, String> attributes = tag.thymeleafAttributes();
			String remove = attributes.get("th:remove");
			if (replaced || "all".equals(remove)) {
				return;
			}
			boolean elementReplaced = ELEMENT_REPLACERS.stream().anyMatch(attributes::containsKey);
			if (!elementReplaced) {
				checkAttributes(tag, attributes, problems);
			}
			boolean bodyReplaced = BODY_REPLACERS.stream().anyMatch(attributes::containsKey) || "body".equals(remove)
					|| Set.of("script", "style").contains(tag.name())
					|| (tag.name().equals("textarea") && attributes.containsKey("th:field"));
			boolean ownTextReplaced = elementReplaced || attributes.containsKey("th:insert")
					|| attributes.containsKey("th:include");
			boolean firstElementOnly = "all-but-first".equals(remove);
			boolean seenElement = false;
			for (Node child : tag.children()) {
				if (child instanceof Tag element) {
					boolean removed = firstElementOnly && seenElement;
					walk(element, removed || (bodyReplaced && !ownTextReplaced), problems);
					seenElement = true;
				}
				else if (child instanceof Chars chars && !bodyReplaced && !ownTextReplaced && !firstElementOnly) {
					checkText(chars, problems);
				}
			}
		}

		private void checkText(Chars chars, List<String> problems) {
			String left = ENTITY.matcher(INLINED.matcher(chars.text()).replaceAll(" ")).replaceAll(" ");
			Matcher letter = LETTER.matcher(left);
			if (letter.find()) {
				problems.add("%s:%d: the text «%s» is outside a message key: give its element th:text=\"#{key}\""
					.formatted(this.name, chars.lineOf(letter.start()), left.strip().replaceAll("\\s+", " ")));
			}
		}

		private void checkAttributes(Tag tag, Map<String, String> attributes, List<String> problems) {
			Set<String> assigned = assignedByThymeleaf(attributes);
			tag.attributes().forEach((attribute, value) -> {
				String name = attribute.toLowerCase(Locale.ROOT);
				boolean visible = VISIBLE_ATTRIBUTES.contains(name)
						|| (name.equals("value") && tag.name().equals("input") && Set.of("submit", "button", "reset")
							.contains(String.valueOf(attributes.get("type")).toLowerCase(Locale.ROOT)));
				if (visible && !assigned.contains(name)
						&& LETTER.matcher(ENTITY.matcher(value.text()).replaceAll(" ")).find()) {
					problems.add("%s:%d: %s=\"%s\" is literal text: write th:%s=\"#{key}\"".formatted(this.name,
							value.line(), name, value.text(), name));
				}
				String thymeleaf = thymeleafName(attribute);
				List<String> expressions = new ArrayList<>();
				if (thymeleaf.equals("th:text") || thymeleaf.equals("th:utext")
						|| (thymeleaf.startsWith("th:") && VISIBLE_ATTRIBUTES.contains(thymeleaf.substring(3)))) {
					expressions.add(value.text());
				}
				if (thymeleaf.equals("th:attr")) {
					assignments(value.text()).forEach((target, expression) -> {
						if (VISIBLE_ATTRIBUTES.contains(target)) {
							expressions.add(expression);
						}
					});
				}
				for (String expression : expressions) {
					for (String literal : literals(expression)) {
						if (LETTER.matcher(literal).find()) {
							problems.add("%s:%d: %s writes the literal text «%s»: put it in a message key"
								.formatted(this.name, value.line(), attribute, literal.strip()));
						}
					}
				}
			});
		}

		private Tag parse() {
			// Thymeleaf reads the inside of prototype-only comment blocks as markup.
			String markup = this.source.replace("<!--/*/", "       ").replace("/*/-->", "      ");
			TreeBuilder tree = new TreeBuilder();
			try {
				new MarkupParser(THYMELEAF_HTML).parse(markup, tree);
			}
			catch (ParseException ex) {
				throw new IllegalStateException(this.name + " does not parse: " + ex.getMessage(), ex);
			}
			return tree.document;
		}

	}

	sealed interface Node permits Tag, Chars {

	}

	/** An element, its attributes (as written, each with its line) and its children. */
	record Tag(String name, Map<String, Value> attributes, List<Node> children) implements Node {

		Tag(String name) {
			this(name.toLowerCase(Locale.ROOT), new LinkedHashMap<>(), new ArrayList<>());
		}

		/** Its attributes by their names to Thymeleaf: data-th-text is th:text. */
		Map<String, String> thymeleafAttributes() {
			Map<String, String> attributes = new LinkedHashMap<>();
			this.attributes.forEach((name, value) -> attributes.put(thymeleafName(name), value.text()));
			return attributes;
		}

		/** This element and every node below it. */
		void forEach(Consumer<Node> action) {
			action.accept(this);
			for (Node child : this.children) {
				if (child instanceof Tag tag) {
					tag.forEach(action);
				}
				else {
					action.accept(child);
				}
			}
		}

	}

	record Value(String text, int line) {
	}

	/** A text node and the line it starts on. */
	record Chars(String text, int line) implements Node {

		int lineOf(int index) {
			return this.line + (int) this.text.substring(0, index).chars().filter((c) -> c == '\n').count();
		}

	}

	/** Builds the element tree from AttoParser's events, which carry each one's line. */
	static final class TreeBuilder extends AbstractMarkupHandler {

		final Tag document = new Tag("#document");

		private final Deque<Tag> open = new ArrayDeque<>(List.of(this.document));

		private Tag starting;

		@Override
		public void handleOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			this.starting = new Tag(new String(buffer, nameOffset, nameLen));
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			this.open.peek().children().add(this.starting);
			this.open.push(this.starting);
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int nameOffset, int nameLen, boolean minimized,
				int line, int col) {
			this.starting = new Tag(new String(buffer, nameOffset, nameLen));
		}

		@Override
		public void handleStandaloneElementEnd(char[] buffer, int nameOffset, int nameLen, boolean minimized, int line,
				int col) {
			this.open.peek().children().add(this.starting);
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			this.starting.attributes()
				.put(new String(buffer, nameOffset, nameLen),
						new Value(new String(buffer, valueContentOffset, valueContentLen), nameLine));
		}

		@Override
		public void handleCloseElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
			String name = new String(buffer, nameOffset, nameLen).toLowerCase(Locale.ROOT);
			if (this.open.stream().anyMatch((tag) -> tag != this.document && tag.name().equals(name))) {
				while (!this.open.pop().name().equals(name)) {
					// an element left open inside the one that closes
				}
			}
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			this.open.peek().children().add(new Chars(new String(buffer, offset, len), line));
		}

	}

	private static String thymeleafName(String attribute) {
		String name = attribute.toLowerCase(Locale.ROOT);
		return name.startsWith("data-th-") ? "th:" + name.substring("data-th-".length()) : name;
	}

	/**
	 * The attributes Thymeleaf writes: th:title, th:alt-title, th:attr="..." and so on.
	 */
	private static Set<String> assignedByThymeleaf(Map<String, String> attributes) {
		Set<String> assigned = new TreeSet<>();
		attributes.forEach((name, value) -> {
			if (name.equals("th:attr")) {
				assigned.addAll(assignments(value).keySet());
			}
			else if (name.equals("th:alt-title")) {
				assigned.addAll(List.of("alt", "title"));
			}
			else if (name.equals("th:field")) {
				assigned.add("value");
			}
			else if (name.startsWith("th:")) {
				assigned.add(name.substring(3));
			}
		});
		return assigned;
	}

	/**
	 * Each attribute and its expression in th:attr="aria-label=#{a}, title=#{b(${c})}".
	 */
	static Map<String, String> assignments(String value) {
		Map<String, String> assignments = new LinkedHashMap<>();
		for (String part : splitTopLevel(value)) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				assignments.put(part.substring(0, equals).strip().toLowerCase(Locale.ROOT),
						part.substring(equals + 1).strip());
			}
		}
		return assignments;
	}

	private static List<String> splitTopLevel(String value) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				i = closingQuote(value, i);
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(value.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(value.substring(start));
		return parts;
	}

	/**
	 * The text an expression writes as it stands: what is inside |...| and '...' but
	 * outside ${...}, *{...}, #{...}, @{...} and ~{...}.
	 */
	static List<String> literals(String expression) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (expressionAt(expression, i)) {
				i = afterBraces(expression, i + 1);
			}
			else if (c == '|') {
				StringBuilder text = new StringBuilder();
				i++;
				while (i < expression.length() && expression.charAt(i) != '|') {
					if (expressionAt(expression, i)) {
						i = afterBraces(expression, i + 1);
						text.append(' ');
					}
					else {
						text.append(expression.charAt(i++));
					}
				}
				literals.add(text.toString());
				i++;
			}
			else if (c == '\'') {
				int end = closingQuote(expression, i);
				literals.add(expression.substring(i + 1, Math.min(end, expression.length())));
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/** Every message key written out in #{...} or #messages.msg('...') in the text. */
	private static void keysIn(String text, String where, List<KeyUse> keys) {
		int start = text.indexOf("#{");
		while (start >= 0) {
			int end = afterBraces(text, start + 1);
			String key = literalKey(text.substring(start + 2, Math.max(start + 2, end - 1)).strip());
			if (key != null) {
				keys.add(new KeyUse(key, where));
			}
			start = text.indexOf("#{", start + 2);
		}
		Matcher calls = MESSAGES_CALL.matcher(text);
		while (calls.find()) {
			keys.add(new KeyUse(calls.group(1), where));
		}
	}

	/**
	 * The key of a message expression's content ({@code key(args)} or
	 * {@code 'key'(args)}), or null when the key is built from expressions.
	 */
	private static String literalKey(String content) {
		int parameters = -1;
		for (int i = 0; i < content.length() && parameters < 0; i++) {
			char c = content.charAt(i);
			if (expressionAt(content, i)) {
				i = afterBraces(content, i + 1) - 1;
			}
			else if (c == '\'') {
				i = closingQuote(content, i);
			}
			else if (c == '(') {
				parameters = i;
			}
		}
		String key = ((parameters >= 0) ? content.substring(0, parameters) : content).strip();
		if (BARE_KEY.matcher(key).matches()) {
			return key;
		}
		Matcher quoted = QUOTED_KEY.matcher(key);
		return quoted.matches() ? quoted.group(1) : null;
	}

	private static boolean expressionAt(String text, int i) {
		return "$*#@~".indexOf(text.charAt(i)) >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '{';
	}

	/** The index after the brace that closes the one at {@code open}. */
	private static int afterBraces(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				i = closingQuote(text, i);
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i + 1;
			}
		}
		return text.length();
	}

	/** The index of the quote that closes the one at {@code open}; \' is escaped. */
	private static int closingQuote(String text, int open) {
		for (int i = open + 1; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == '\'') {
				return i;
			}
		}
		return text.length();
	}

}
