package no.dfo.kundesenter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Keeps the demo apart from real use. The demo profile may not be combined with another
 * profile, and without it no demo setting may be given: not the demo's settings, not its
 * public encryption key, not its data, not the password login of earlier versions.
 */
class DemoProfileGuard implements EnvironmentPostProcessor, Ordered {

	private static final String DEMO_PROPERTIES = "application-demo.properties";

	private static final String KEYS = "portal.attachments.encryption.keys.";

	private static final String IDENTITY_KEY = "portal.access.identity-key";

	/** Password login existed outside the demo behind this setting; it no longer does. */
	private static final String FORMER_PASSWORD_LOGIN = "portal.security.demo-login";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> others = Arrays.stream(environment.getActiveProfiles())
			.filter((profile) -> !profile.equals(DemoProfile.NAME))
			.toList();
		if (DemoProfile.isActive(environment)) {
			if (!others.isEmpty()) {
				throw new UnsafeConfigurationException(
						"The demo profile is active together with " + String.join(", ", others)
								+ ". The demo has users with known passwords, "
								+ "caseworkers who see every case and a public encryption key: it must never run "
								+ "as part of a real installation.",
						"Run either the demo alone (./mvnw spring-boot:run) or the portal without the demo "
								+ "profile.");
			}
			return;
		}
		List<String> demoOnly = new ArrayList<>();
		Properties demo = demoProperties();
		String demoKey = demo.getProperty(KEYS + DemoProfile.NAME);
		String demoIdentityKey = demo.getProperty(IDENTITY_KEY);
		for (String name : propertyNames(environment)) {
			if (name.startsWith(DemoProfile.SETTINGS_PREFIX) || name.equals(FORMER_PASSWORD_LOGIN)) {
				demoOnly.add(name);
			}
			else if (name.startsWith(KEYS) && demoKey != null && demoKey.equals(environment.getProperty(name))) {
				demoOnly.add(name + " (the demo's public key)");
			}

		}
		if (demoIdentityKey != null
				&& demoIdentityKey.equals(Binder.get(environment).bind(IDENTITY_KEY, String.class).orElse(null))) {
			demoOnly.add(IDENTITY_KEY + " (the demo's public key)");
		}
		if (environment.getProperty("spring.flyway.locations", "").contains("db/demo")) {
			demoOnly.add("spring.flyway.locations (the demo data)");
		}
		if (!demoOnly.isEmpty()) {
			throw new UnsafeConfigurationException(
					"Settings that belong to the demo are given without the demo profile: "
							+ String.join(", ", demoOnly) + ".",
					"Remove them, or run the demo (./mvnw spring-boot:run). Outside the demo there is no "
							+ "password login and every key must be your own (README, configuration).");
		}
	}

	private static List<String> propertyNames(ConfigurableEnvironment environment) {
		List<String> names = new ArrayList<>();
		environment.getPropertySources().forEach((source) -> {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					String canonical = canonical(name);
					if (!names.contains(canonical)) {
						names.add(canonical);
					}
				}
			}
		});
		return names;
	}

	/** The environment's PORTAL_DEMO_X as portal.demo.x, as relaxed binding reads it. */
	private static String canonical(String name) {
		return name.chars().anyMatch(Character::isLowerCase) ? name : name.toLowerCase().replace('_', '.');
	}

	private static Properties demoProperties() {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(DEMO_PROPERTIES).getInputStream()) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	@Override
	public int getOrder() {
		// After the configuration files and profiles are read, before a database is
		// chosen.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
