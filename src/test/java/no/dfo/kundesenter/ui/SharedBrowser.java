package no.dfo.kundesenter.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test a {@link Browser} on the portal of its Spring context: one Chromium for
 * the whole test run, started by the first test that asks and quit when the run ends, its
 * cookies cleared for each test.
 */
class SharedBrowser implements ParameterResolver {

	/**
	 * {@code -DskipBrowserTests=true} skips the browser tests, for a machine without
	 * Chromium.
	 */
	static final String SKIP_PROPERTY = "skipBrowserTests";

	private static final Namespace NAMESPACE = Namespace.create(SharedBrowser.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Chromium chromium = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Chromium.class, (key) -> Chromium.start(), Chromium.class);
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		return Browser.fresh(chromium.driver(), port);
	}

}
