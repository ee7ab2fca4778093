/**
 * The JSON API for agencies' own systems under {@code /api/v1}: Maskinporten tokens (a
 * resource server of its own, stateless), problem details (RFC 9457) in bokmål, nynorsk
 * and English, and the OpenAPI document at {@code /v3/api-docs}. Cases go through
 * {@link no.dfo.kundesenter.cases.AgencySystems}, the web's own paths.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "access", "cases", "attachments", "web" })
package no.dfo.kundesenter.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
