/**
 * E-mail notices (varsler): when the centre answers a case or sets it to wait for the
 * customer, closes or postpones it, its reporter gets a mail that says so and links to
 * the case, never what the case or the answer says. Fed by the cases module's events
 * through Spring Modulith's event publication registry, so no notice is lost.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "cases", "access", "config" })
package no.dfo.kundesenter.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
