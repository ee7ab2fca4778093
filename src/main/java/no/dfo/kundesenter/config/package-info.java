/**
 * Set-up that belongs to no business capability: the demo profile and what keeps it apart
 * from real use, and the embedded database the demo runs on.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package no.dfo.kundesenter.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
