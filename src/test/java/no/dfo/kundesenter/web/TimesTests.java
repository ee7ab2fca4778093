package no.dfo.kundesenter.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTests {

	private static final Locale BOKMAL = Locale.of("nb", "NO");

	@Test
	void aMomentIsWrittenInThePortalsZoneWithTheBundlesFormat() {
		String html = render(ZoneId.of("Europe/Oslo"), Instant.parse("2026-12-01T23:30:05Z"),
				Instant.parse("2026-07-01T09:04:00Z"));
		assertThat(html).contains(
				"<time datetime=\"2026-12-02T00:30:05+01:00\">02.12.2026 00:30</time> <span>02.12.2026 00:30:05</span>")
			.contains("<time datetime=\"2026-07-01T11:04:00+02:00\">01.07.2026 11:04</time>");
	}

	@Test
	void anotherConfiguredZoneMovesEveryTime() {
		assertThat(render(ZoneId.of("UTC"), Instant.parse("2026-12-01T23:30:05Z")))
			.contains("<time datetime=\"2026-12-01T23:30:05Z\">01.12.2026 23:30</time>");
	}

	@Test
	void theMachineReadableTimeHasNoFractionHtmlWouldRefuse() {
		Times times = new TimeDialect(Clock.systemUTC(), messages()).times(BOKMAL);
		assertThat(times.iso(Instant.parse("2026-12-01T10:15:30.123456Z"))).isEqualTo("2026-12-01T10:15:30Z");
	}

	@Test
	void noMomentIsWrittenAsNothing() {
		Times times = new TimeDialect(Clock.systemUTC(), messages()).times(BOKMAL);
		assertThat(times.text(null)).isEmpty();
		assertThat(times.iso(null)).isEmpty();
	}

	private static String render(ZoneId zone, Instant... moments) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		engine.setTemplateResolver(resolver);
		ResourceBundleMessageSource messages = messages();
		engine.setTemplateEngineMessageSource(messages);
		engine.addDialect(new TimeDialect(Clock.system(zone), messages));
		return engine.process("test/times", new Context(BOKMAL, Map.of("moments", List.of(moments))));
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
