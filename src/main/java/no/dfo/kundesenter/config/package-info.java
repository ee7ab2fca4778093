/**
 * Set-up that belongs to no business capability: the embedded database for runs without
 * one.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package no.dfo.kundesenter.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
