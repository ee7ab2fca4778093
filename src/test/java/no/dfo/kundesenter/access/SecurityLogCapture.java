package no.dfo.kundesenter.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps what the {@code security} logger writes during one test, debug events included.
 */
public final class SecurityLogCapture implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger = (Logger) LoggerFactory.getLogger("security");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level levelBefore;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.levelBefore = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
		this.logger.setLevel(this.levelBefore);
	}

	/** The events with this action, in order. */
	public List<ILoggingEvent> events(String action) {
		return this.appender.list.stream().filter((event) -> action.equals(pairs(event).get("event.action"))).toList();
	}

	/** The one event with this action. */
	public ILoggingEvent single(String action) {
		List<ILoggingEvent> events = events(action);
		assertThat(events).as("events " + action + " in " + text()).hasSize(1);
		return events.get(0);
	}

	public static Map<String, Object> pairs(ILoggingEvent event) {
		Map<String, Object> pairs = new LinkedHashMap<>();
		List<KeyValuePair> list = event.getKeyValuePairs();
		if (list != null) {
			list.forEach((pair) -> pairs.put(pair.key, pair.value));
		}
		return pairs;
	}

	/** Everything the events carry: message, pairs and MDC, one event a line. */
	public String text() {
		return this.appender.list.stream()
			.map((event) -> event.getFormattedMessage() + " " + pairs(event) + " " + event.getMDCPropertyMap())
			.collect(Collectors.joining("\n"));
	}

	/** Checks that each pair is in the event and in its message as key=value. */
	public static void assertPairs(ILoggingEvent event, Map<String, ?> expected) {
		assertThat(pairs(event)).containsAllEntriesOf(expected);
		expected.forEach((key, value) -> assertThat(event.getFormattedMessage()).contains(" " + key + "=" + value));
	}

}
