package no.dfo.kundesenter.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a notice from the templates in {@code templates/mail/}. A mail gets nothing but
 * the case number, what happened in general words and the link: the templates are given
 * nothing else, so they cannot leak the case.
 */
@Component
class NoticeMailComposer {

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final MessageSource messages;

	private final NotificationSettings settings;

	private final Clock clock;

	NoticeMailComposer(MessageSource messages, NotificationSettings settings, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.settings = settings;
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
		this.templates.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setResolvablePatterns(Set.of(mode == TemplateMode.TEXT ? "*-text" : "*-html"));
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	OutgoingMail compose(long caseId, Set<NoticeKind> kinds, String to, Locale language) {
		String link = this.settings.caseLink(caseId);
		Context context = new Context(language);
		context.setVariable("caseId", String.valueOf(caseId));
		context.setVariable("what", what(kinds, language));
		context.setVariable("link", link);
		String subject = this.messages.getMessage("notice.mail.subject", new Object[] { String.valueOf(caseId) },
				language);
		return new OutgoingMail(to, subject, this.templates.process("notice-text", context),
				this.templates.process("notice-html", context), link, this.clock.instant());
	}

	/** The mail with the link that confirms a person's new address. */
	OutgoingMail composeConfirmation(String to, String path, Locale language) {
		String link = this.settings.link(path);
		Context context = new Context(language);
		context.setVariable("link", link);
		return new OutgoingMail(to, this.messages.getMessage("confirm.mail.subject", null, language),
				this.templates.process("confirm-email-text", context),
				this.templates.process("confirm-email-html", context), link, this.clock.instant());
	}

	/**
	 * "har fått svar og er avsluttet": the kinds in their order, joined the Norwegian
	 * way.
	 */
	private String what(Set<NoticeKind> kinds, Locale language) {
		List<String> phrases = kinds.stream()
			.sorted()
			.map((kind) -> this.messages.getMessage("notice.kind." + kind.name(), null, language))
			.toList();
		if (phrases.size() == 1) {
			return phrases.get(0);
		}
		String and = this.messages.getMessage("notice.and", null, language);
		return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " " + and + " "
				+ phrases.get(phrases.size() - 1);
	}

}
