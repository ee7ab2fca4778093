package no.dfo.kundesenter.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class TemplateConfigurationTests {

	@Autowired
	SpringTemplateEngine engine;

	@Test
	void thePortalsTemplatesReadRecordPathsDirectlyAndKeepTheOtherDialects() {
		assertThat(StandardExpressions.getVariableExpressionEvaluator(this.engine.getConfiguration()))
			.isInstanceOf(RecordPathEvaluator.class);
		assertThat(this.engine.getDialects()).hasAtLeastOneElementOfType(SpringSecurityDialect.class)
			.filteredOn((dialect) -> dialect instanceof SpringStandardDialect)
			.singleElement()
			.satisfies((dialect) -> assertThat(((SpringStandardDialect) dialect).getEnableSpringELCompiler()).isTrue());
	}

}
