/**
 * What every page shares: the layout, the start page, error pages and message bundles.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package no.dfo.kundesenter.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
