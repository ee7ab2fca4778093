package no.dfo.kundesenter.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Offers {@link Times} to templates as {@code #times}, so every time on every page is
 * written in one zone (the clock's) and one format per language (message
 * {@code format.dateTime}).
 */
@Component
class TimeDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "times";

	private final Clock clock;

	private final MessageSource messages;

	private final Map<Locale, Times> byLocale = new ConcurrentHashMap<>();

	TimeDialect(Clock clock, MessageSource messages) {
		super("Times");
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return times(context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	Times times(Locale locale) {
		return this.byLocale.computeIfAbsent(locale, (l) -> new Times(this.clock.getZone(),
				formatter("format.dateTime", l), formatter("format.dateTime.precise", l)));
	}

	private DateTimeFormatter formatter(String code, Locale locale) {
		return DateTimeFormatter.ofPattern(this.messages.getMessage(code, null, locale), locale);
	}

}
