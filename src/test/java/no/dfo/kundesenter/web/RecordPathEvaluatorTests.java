package no.dfo.kundesenter.web;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecordPathEvaluatorTests {

	private final CountingSpel spel = new CountingSpel();

	private final SpringTemplateEngine withRecordPaths = engine(new RecordPathEvaluator(this.spel));

	private final SpringTemplateEngine plain = engine(SPELVariableExpressionEvaluator.INSTANCE);

	private final Row row = new Row(7L, "Sykemelding <mars>", null, new Badge("status status--aktiv", "Aktiv"));

	@Test
	void readsRecordComponentsWithoutSpel() {
		String template = "<p th:text=\"${row.id}\"></p><p th:text=\"${row.subject}\"></p>"
				+ "<p th:class=\"${row.badge.css}\" th:text=\"${row.badge.label}\"></p><p th:text=\"${label}\"></p>"
				+ "<p th:if=\"${shown}\">shown</p><p th:each=\"r : ${rows}\" th:text=\"${r.subject}\"></p>";
		Map<String, Object> model = Map.of("row", this.row, "label", "Emne", "shown", true, "rows", List.of(this.row));

		String rendered = render(this.withRecordPaths, template, model);

		assertThat(rendered).isEqualTo(render(this.plain, template, model))
			.contains("<p>7</p>", "Sykemelding &lt;mars&gt;", "<p class=\"status status--aktiv\">Aktiv</p>", "Emne",
					"shown");
		// ${rows} is a List, so SpEL reads it; everything else is read directly.
		assertThat(this.spel.calls.get()).isOne();
	}

	@Test
	void aNullLastComponentIsNull() {
		String template = "<p th:text=\"${row.snippet}\">x</p><p th:if=\"${row.snippet}\">hidden</p>";

		String rendered = render(this.withRecordPaths, template, Map.of("row", this.row));

		assertThat(rendered).isEqualTo("<p></p>");
		assertThat(this.spel.calls.get()).isZero();
	}

	@Test
	void leavesOtherTypesMethodCallsAndOperatorsToSpel() {
		String template = "<p th:text=\"${map.key}\"></p><p th:text=\"${row.subject.length()}\"></p>"
				+ "<p th:text=\"${row.id + 1}\"></p><p th:text=\"${list}\"></p>";
		Map<String, Object> model = Map.of("row", this.row, "map", Map.of("key", "value"), "list", List.of("a"));

		String rendered = render(this.withRecordPaths, template, model);

		assertThat(rendered).isEqualTo(render(this.plain, template, model))
			.isEqualTo("<p>value</p><p>18</p><p>8</p><p>[a]</p>");
		assertThat(this.spel.calls.get()).isEqualTo(4);
	}

	@Test
	void leavesConversionExpressionsToSpel() {
		String rendered = render(this.withRecordPaths, "<p th:text=\"${{row.id}}\"></p>", Map.of("row", this.row));

		assertThat(rendered).isEqualTo("<p>7</p>");
		assertThat(this.spel.calls.get()).isOne();
	}

	@Test
	void unknownVariablesAreSpelsNull() {
		String rendered = render(this.withRecordPaths, "<p th:text=\"${missing}\">x</p><p th:text=\"${true}\"></p>",
				Map.of());

		assertThat(rendered).isEqualTo("<p></p><p>true</p>");
		assertThat(this.spel.calls.get()).isEqualTo(2);
	}

	@Test
	void failsLikeSpelOnAMissingComponentOrANullBeforeTheEnd() {
		assertThatExceptionOfType(TemplateProcessingException.class)
			.isThrownBy(
					() -> render(this.withRecordPaths, "<p th:text=\"${row.nothing}\"></p>", Map.of("row", this.row)))
			.withStackTraceContaining("EL1008E");
		assertThatExceptionOfType(TemplateProcessingException.class)
			.isThrownBy(() -> render(this.withRecordPaths, "<p th:text=\"${row.snippet.length}\"></p>",
					Map.of("row", this.row)))
			.withStackTraceContaining("EL1007E");
	}

	@Test
	void eventHandlerAttributesStillRefuseText() {
		String rendered = render(this.withRecordPaths, "<a th:onclick=\"${row.id}\"></a>", Map.of("row", this.row));

		assertThat(rendered).isEqualTo("<a onclick=\"7\"></a>");
		assertThatExceptionOfType(TemplateProcessingException.class).isThrownBy(
				() -> render(this.withRecordPaths, "<a th:onclick=\"${row.subject}\"></a>", Map.of("row", this.row)))
			.withStackTraceContaining("Only variable expressions returning numbers or booleans");
		assertThat(this.spel.calls.get()).isZero();
	}

	@Test
	void requestParametersStayWithSpel() {
		String rendered = render(this.withRecordPaths, "<p th:text=\"${param}\"></p><p th:text=\"${param.row}\"></p>",
				Map.of("param", Map.of("row", "x")));

		assertThat(rendered).isEqualTo("<p>{row=x}</p><p>x</p>");
		assertThat(this.spel.calls.get()).isEqualTo(2);
	}

	@Test
	void readsThePortalsEnumsButNotOthers() {
		String template = "<p th:text=\"${mine}\"></p><p th:text=\"${theirs}\"></p>";
		Map<String, Object> model = Map.of("mine", Shade.DARK, "theirs", DayOfWeek.MONDAY);

		assertThat(render(this.withRecordPaths, template, model)).isEqualTo("<p>DARK</p><p>MONDAY</p>");
		assertThat(this.spel.calls.get()).isOne();
	}

	private static String render(SpringTemplateEngine engine, String template, Map<String, Object> model) {
		return engine.process(template, new Context(null, model));
	}

	private static SpringTemplateEngine engine(IStandardVariableExpressionEvaluator evaluator) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.setDialect(new SpringStandardDialect() {
			@Override
			public IStandardVariableExpressionEvaluator getVariableExpressionEvaluator() {
				return evaluator;
			}
		});
		return engine;
	}

	private record Row(long id, String subject, @Nullable String snippet, Badge badge) {
	}

	record Badge(String css, String label) {
	}

	enum Shade {

		DARK

	}

	private static final class CountingSpel implements IStandardVariableExpressionEvaluator {

		private final AtomicInteger calls = new AtomicInteger();

		@Override
		public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
				StandardExpressionExecutionContext expContext) {
			this.calls.incrementAndGet();
			return SPELVariableExpressionEvaluator.INSTANCE.evaluate(context, expression, expContext);
		}

	}

}
