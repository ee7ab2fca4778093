package no.dfo.kundesenter.web;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for errors that Tomcat answers itself, before any of the portal's code runs: a
 * request line or header it cannot read, a header or URL too long, an encoded slash. It
 * is a plain page that names no server, instead of Tomcat's own, in the language the
 * request asks for (its {@code Accept-Language}; the request may be too broken to trust
 * more of it).
 */
@Configuration(proxyBeanMethods = false)
class ServerErrorPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainServerErrorPages(MessageSource messages) {
		Map<String, String> pages = new HashMap<>();
		for (Locale language : Languages.ALL) {
			pages.put(language.getLanguage(),
					page(language, messages.getMessage("error.server.title", null, language),
							messages.getMessage("error.server.text", null, language),
							messages.getMessage("error.backToCases", null, language)));
		}
		return new Customizer(Map.copyOf(pages));
	}

	/**
	 * After Spring Boot's own customizer, which adds Tomcat's page with its details off.
	 */
	private record Customizer(
			Map<String, String> pages) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> useOnly(context.getParent(), this.pages));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	private static void useOnly(Container host, Map<String, String> pages) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standardHost) {
			// Otherwise the host adds Tomcat's own page when it starts.
			standardHost.setErrorReportValveClass(PlainErrorPage.class.getName());
		}
		host.getPipeline().addValve(new PlainErrorPage(pages));
	}

	private static String page(Locale language, String title, String text, String back) {
		return """
				<!DOCTYPE html>
				<html lang="%4$s">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%1$s – Kundesenter på nett</title><link rel="stylesheet" href="/css/portal.css"></head>
				<body><main class="container site-main"><div class="page page--narrow">
				<h1>%1$s</h1><p class="lead">%2$s</p><p><a href="/saker">%3$s</a></p>
				</div></main></body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(title, "UTF-8"), HtmlUtils.htmlEscape(text, "UTF-8"),
				HtmlUtils.htmlEscape(back, "UTF-8"), language.getLanguage());
	}

	private static String language(Request request) {
		try {
			return Languages.fromAcceptLanguage(request.getHeader("Accept-Language")).getLanguage();
		}
		catch (RuntimeException ex) {
			return Languages.BOKMAL.getLanguage();
		}
	}

	/** Writes the one page for every error status, and nothing about the server. */
	static final class PlainErrorPage extends ErrorReportValve {

		private final Map<String, String> pages;

		PlainErrorPage(Map<String, String> pages) {
			this.pages = pages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(this.pages.get(language(request)));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone; there is nobody to tell.
			}
		}

	}

}
