/**
 * Agencies, users and their roles, the signed-in person, and the security setup. Other
 * modules see a person only as a {@link no.dfo.kundesenter.access.PortalUser}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "web", "config" })
package no.dfo.kundesenter.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
