package no.dfo.kundesenter.config;

/**
 * The portal refuses to start with this configuration, and says why and what to do.
 */
class UnsafeConfigurationException extends IllegalStateException {

	private final String action;

	UnsafeConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
