package no.dfo.kundesenter.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.standard.expression.StandardExpressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The record path evaluator is switched by {@code portal.web.record-paths.enabled} (off
 * by default), and the case tables render the same with it and without it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TemplateConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class))
		.withUserConfiguration(TemplateConfiguration.class);

	@Autowired
	SpringTemplateEngine engine;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void byDefaultTemplatesAreReadBySpelAlone() {
		assertThat(StandardExpressions.getVariableExpressionEvaluator(this.engine.getConfiguration()))
			.isSameAs(SPELVariableExpressionEvaluator.INSTANCE);
	}

	@Test
	void thePropertySwitchesTheEvaluator() {
		this.contexts
			.run((context) -> assertThat(evaluator(context)).isSameAs(SPELVariableExpressionEvaluator.INSTANCE));
		this.contexts.withPropertyValues("portal.web.record-paths.enabled=false")
			.run((context) -> assertThat(evaluator(context)).isSameAs(SPELVariableExpressionEvaluator.INSTANCE));
		this.contexts.withPropertyValues("portal.web.record-paths.enabled=true")
			.run((context) -> assertThat(evaluator(context)).isInstanceOf(RecordPathEvaluator.class));
	}

	@ParameterizedTest
	@CsvSource({ "kari, /saker", "lise, /saker?omfang=virksomhet&sort=-opprettet",
			"lise, /saker?omfang=virksomhet&q=lønn", "siri, /saker?q=saken", "siri, /saksbehandling?visning=alle" })
	void theCaseTablesRenderTheSameWithTheEvaluator(String username, String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(user(this.users.loadUserByUsername(username)))).andReturn();
		ModelAndView page = result.getModelAndView();

		String withSpelOnly = render(this.context.getBean(ThymeleafViewResolver.class), page, result);
		String withRecordPaths = render(withRecordPaths(), page, result);

		assertThat(withRecordPaths).contains("case-table__id").isEqualTo(withSpelOnly);
	}

	/** The portal's engine as it is with the property set. */
	private ThymeleafViewResolver withRecordPaths() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setEnableSpringELCompiler(true);
		engine.setTemplateResolvers(this.engine.getTemplateResolvers());
		engine.setMessageSource(this.context);
		this.engine.getDialects()
			.stream()
			.filter((dialect) -> !(dialect instanceof SpringStandardDialect))
			.forEach(engine::addDialect);
		TemplateConfiguration.recordPathsInTemplates().postProcessBeforeInitialization(engine, "templateEngine");
		assertThat(StandardExpressions.getVariableExpressionEvaluator(engine.getConfiguration()))
			.isInstanceOf(RecordPathEvaluator.class);
		assertThat(engine.getDialects()).hasAtLeastOneElementOfType(SpringSecurityDialect.class)
			.hasAtLeastOneElementOfType(TimeDialect.class)
			.filteredOn((dialect) -> dialect instanceof SpringStandardDialect)
			.singleElement()
			.satisfies((dialect) -> assertThat(((SpringStandardDialect) dialect).getEnableSpringELCompiler()).isTrue());
		ThymeleafViewResolver resolver = new ThymeleafViewResolver();
		resolver.setTemplateEngine(engine);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setApplicationContext(this.context);
		return resolver;
	}

	private static String render(ThymeleafViewResolver resolver, ModelAndView page, MvcResult result) throws Exception {
		View view = resolver.resolveViewName(page.getViewName(), Locale.of("nb", "NO"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		view.render(page.getModel(), result.getRequest(), response);
		return response.getContentAsString();
	}

	private static Object evaluator(ApplicationContext context) {
		return StandardExpressions
			.getVariableExpressionEvaluator(context.getBean(SpringTemplateEngine.class).getConfiguration());
	}

}
