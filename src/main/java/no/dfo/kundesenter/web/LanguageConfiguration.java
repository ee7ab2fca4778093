package no.dfo.kundesenter.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal speaks bokmål, nynorsk and English ({@link LanguageResolver}); the bean
 * takes the place of Spring Boot's own locale resolver.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Bean
	FilterRegistrationBean<LanguageFilter> languageFilter(LocaleResolver localeResolver) {
		FilterRegistrationBean<LanguageFilter> registration = new FilterRegistrationBean<>(
				new LanguageFilter((LanguageResolver) localeResolver));
		// Before Spring Security, so that the pages it sends people to are in the
		// language.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
