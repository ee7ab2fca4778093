package no.dfo.kundesenter.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;

/**
 * Gives Spring Boot's template engine the standard dialect with
 * {@link RecordPathEvaluator} in front of SpEL.
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

	@Bean
	static BeanPostProcessor recordPathsInTemplates() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					useRecordPaths(engine);
				}
				return bean;
			}
		};
	}

	private static void useRecordPaths(SpringTemplateEngine engine) {
		Set<IDialect> dialects = new LinkedHashSet<>();
		for (IDialect dialect : engine.getDialects()) {
			if (dialect.getClass() == SpringStandardDialect.class) {
				SpringStandardDialect standard = (SpringStandardDialect) dialect;
				RecordPathDialect replacement = new RecordPathDialect();
				replacement.setEnableSpringELCompiler(standard.getEnableSpringELCompiler());
				replacement.setRenderHiddenMarkersBeforeCheckboxes(standard.getRenderHiddenMarkersBeforeCheckboxes());
				dialects.add(replacement);
			}
			else {
				dialects.add(dialect);
			}
		}
		engine.setDialects(dialects);
	}

	private static final class RecordPathDialect extends SpringStandardDialect {

		private final IStandardVariableExpressionEvaluator evaluator = new RecordPathEvaluator();

		@Override
		public IStandardVariableExpressionEvaluator getVariableExpressionEvaluator() {
			return this.evaluator;
		}

	}

}
