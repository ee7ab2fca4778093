package no.dfo.kundesenter.notifications.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.StringUtils;

/**
 * Which mailer delivers notices, and the job that sends them. With
 * {@code spring.mail.host} set, notices go to that SMTP server (in the demo, its own mail
 * server, which {@code /demo/epost} reads). Without it the demo profile keeps them in
 * memory ({@code /demo/epost}); any other profile refuses to start, so notices are never
 * silently dropped.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration implements SchedulingConfigurer {

	private final ObjectProvider<NoticeSender> sender;

	private final NotificationSettings settings;

	NotificationConfiguration(ObjectProvider<NoticeSender> sender, NotificationSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Bean
	@Conditional(NoMailServerInDemo.class)
	DemoMailbox demoMailbox() {
		return new DemoMailbox();
	}

	/**
	 * Where the demo's own mail server takes the portal's mail, /demo/epost reads it
	 * there.
	 */
	@Bean
	@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
	@ConditionalOnBooleanProperty("portal.demo.mail-server.outgoing")
	DemoMailServerOutbox demoMailServerOutbox() {
		return new DemoMailServerOutbox();
	}

	@Bean
	@Conditional(MailServer.class)
	SmtpMailer smtpMailer(ObjectProvider<JavaMailSender> mailSender) {
		JavaMailSender javaMailSender = mailSender.getIfAvailable();
		if (javaMailSender == null) {
			throw new IllegalStateException(
					"E-mail notices need an SMTP server: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT ...)");
		}
		return new SmtpMailer(javaMailSender, this.settings.sender());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.settings.sendingEnabled()) {
			registrar.addFixedDelayTask(() -> this.sender.getObject().sendDue(), this.settings.pollInterval());
		}
	}

	static class NoMailServerInDemo implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"))
					&& context.getEnvironment().acceptsProfiles(Profiles.of("demo"));
		}

	}

	static class MailServer implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new NoMailServerInDemo().matches(context, metadata);
		}

	}

}
