package no.dfo.kundesenter.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * In the demo profile, when no sign-in provider is configured, starts the demo's OpenID
 * provider ({@link DemoOpenIdProvider}) and registers it as {@code ansattporten}, so that
 * a newcomer can try single sign-on without an account, and as the issuer the API trusts
 * (its {@code maskinporten} issuer gives the demo agencies' systems their tokens).
 * Switched off with {@code portal.demo.openid-provider.enabled=false}; its port is
 * {@code portal.demo.openid-provider.port} (0: any free port). Nothing happens outside
 * the demo, or where the provider's library is not on the classpath (the jar).
 */
class DemoOpenIdProviderEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log log;

	DemoOpenIdProviderEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoOpenIdProviderEnvironmentPostProcessor.class);
	}

	static final String ENABLED = DemoProfile.SETTINGS_PREFIX + "openid-provider.enabled";

	static final String PORT = DemoProfile.SETTINGS_PREFIX + "openid-provider.port";

	private static final String LIBRARY = "no.nav.security.mock.oauth2.MockOAuth2Server";

	private static final String REGISTRATION = "spring.security.oauth2.client.registration.ansattporten.";

	private static final String API_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!DemoProfile.isActive(environment) || !environment.getProperty(ENABLED, Boolean.class, true)
				|| !ClassUtils.isPresent(LIBRARY, application.getClassLoader())) {
			return;
		}
		int port = environment.getProperty(PORT, Integer.class, 0);
		Map<String, Object> settings = new HashMap<>();
		if (!environment.containsProperty(REGISTRATION + "client-id")) {
			String issuer = DemoOpenIdProvider.issuer("ansattporten", port);
			settings.putAll(Map.of(REGISTRATION + "client-id", "kundesenter-demo", REGISTRATION + "client-secret",
					"demo", REGISTRATION + "client-name", "Ansattporten (demo)", REGISTRATION + "scope",
					"openid,profile", REGISTRATION + "authorization-grant-type", "authorization_code",
					"spring.security.oauth2.client.provider.ansattporten.issuer-uri", issuer));
		}
		if (!environment.containsProperty(API_ISSUER)) {
			// The API trusts the demo's Maskinporten (README "Using the API").
			String issuer = DemoOpenIdProvider.issuer(DemoOpenIdProvider.MASKINPORTEN, port);
			settings.put(API_ISSUER, issuer);
			this.log
				.info("The demo's Maskinporten for the API: tokens from " + issuer + "/token (README, Using the API)");
		}
		if (!settings.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("demoOpenIdProvider", settings));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
