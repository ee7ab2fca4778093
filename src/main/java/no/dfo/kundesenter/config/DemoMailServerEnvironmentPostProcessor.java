package no.dfo.kundesenter.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * In the demo profile, when no mailbox is configured, starts the demo's mail server
 * ({@link DemoMailServer}: SMTP on {@code portal.demo.mail-server.smtp-port}, default
 * 3025, IMAP on {@code .imap-port}, default 3143; 0 for any free port, and the settings
 * then hold the ports in use) and points the centre's lønn and regnskap mailboxes at it.
 * Notices stay in the demo mailbox ({@code /demo/epost}) unless {@code spring.mail.host}
 * is set. Switched off with {@code portal.demo.mail-server.enabled=false}; nothing
 * happens outside the demo or where the server's library is not on the classpath (the
 * jar).
 */
class DemoMailServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = DemoProfile.SETTINGS_PREFIX + "mail-server.enabled";

	static final String SMTP_PORT = DemoProfile.SETTINGS_PREFIX + "mail-server.smtp-port";

	static final String IMAP_PORT = DemoProfile.SETTINGS_PREFIX + "mail-server.imap-port";

	/**
	 * Whether the portal's own mail goes to the server, so {@code /demo/epost} reads it
	 * there.
	 */
	static final String OUTGOING = DemoProfile.SETTINGS_PREFIX + "mail-server.outgoing";

	private static final String MAIL_HOST = "spring.mail.host";

	private static final String LIBRARY = "com.icegreen.greenmail.util.GreenMail";

	private static final String MAILBOXES = "portal.channels.mailboxes.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!DemoProfile.isActive(environment) || !environment.getProperty(ENABLED, Boolean.class, true)
				|| environment.containsProperty(MAILBOXES + "payroll.host")
				|| environment.containsProperty(MAILBOXES + "accounting.host")
				|| !ClassUtils.isPresent(LIBRARY, application.getClassLoader())) {
			return;
		}
		DemoMailServer.Ports ports = DemoMailServer.start(environment.getProperty(SMTP_PORT, Integer.class, 3025),
				environment.getProperty(IMAP_PORT, Integer.class, 3143));
		Map<String, Object> settings = new HashMap<>();
		mailbox(settings, "payroll", DemoMailServer.PAYROLL, ports.imap());
		mailbox(settings, "accounting", DemoMailServer.ACCOUNTING, ports.imap());
		settings.put("portal.channels.poll-interval", "5s");
		boolean outgoing = !StringUtils.hasText(environment.getProperty(MAIL_HOST));
		if (outgoing) {
			settings.put(MAIL_HOST, "127.0.0.1");
			settings.put("spring.mail.port", ports.smtp());
		}
		environment.getPropertySources().addLast(new MapPropertySource("demoMailServer", settings));
		// The ports in use, also where 0 asked for any free one.
		environment.getPropertySources()
			.addFirst(new MapPropertySource("demoMailServerPorts",
					Map.of(SMTP_PORT, ports.smtp(), IMAP_PORT, ports.imap(), OUTGOING, outgoing)));
	}

	private static void mailbox(Map<String, Object> settings, String key, String address, int port) {
		settings.put(MAILBOXES + key + ".host", "127.0.0.1");
		settings.put(MAILBOXES + key + ".port", port);
		settings.put(MAILBOXES + key + ".protocol", "imap");
		settings.put(MAILBOXES + key + ".username", address);
		settings.put(MAILBOXES + key + ".password", DemoMailServer.PASSWORD);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
