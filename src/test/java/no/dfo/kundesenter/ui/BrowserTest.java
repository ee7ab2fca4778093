package no.dfo.kundesenter.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test of the portal in a real browser: the demo on a random port, with the demo's
 * OpenID provider, so the login page is the one the demo shows. All browser tests share
 * this one Spring context and one Chromium ({@link SharedBrowser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.demo.openid-provider.enabled=true")
@ExtendWith(SharedBrowser.class)
@DisabledIfSystemProperty(named = SharedBrowser.SKIP_PROPERTY, matches = "true",
		disabledReason = "-DskipBrowserTests=true")
@interface BrowserTest {

}
