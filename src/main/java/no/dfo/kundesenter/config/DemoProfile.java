package no.dfo.kundesenter.config;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The demo profile: demo users with known passwords, demo data, password login, the demo
 * key and demo equipment (an embedded PostgreSQL). It is only ever chosen explicitly.
 */
public final class DemoProfile {

	public static final String NAME = "demo";

	/** Settings that exist for the demo alone. */
	static final String SETTINGS_PREFIX = "portal.demo.";

	private DemoProfile() {
	}

	public static boolean isActive(Environment environment) {
		return environment.acceptsProfiles(Profiles.of(NAME));
	}

}
