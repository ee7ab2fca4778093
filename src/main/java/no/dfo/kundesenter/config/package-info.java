/**
 * Set-up that belongs to no business capability: the demo profile and what keeps it apart
 * from real use, the embedded database the demo runs on, and scheduled jobs on many
 * nodes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package no.dfo.kundesenter.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
