/**
 * Cases (saker): registering, the conversation, status and history, and finding them
 * again. Every read goes through
 * {@link no.dfo.kundesenter.cases.domain.CaseAccessPolicy}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "access", "web", "attachments" })
package no.dfo.kundesenter.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
