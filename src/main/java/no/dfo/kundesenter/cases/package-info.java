/**
 * Cases (saker), cut by feature:
 * <ul>
 * <li>{@code core}: the case aggregate and its status rules, the access policy (who sees
 * what) and what every action on a case shares;</li>
 * <li>{@code registration}: one way to register a case, for every channel;</li>
 * <li>{@code page}: the case page, read once as one view, and writing, assigning and
 * attaching on it;</li>
 * <li>{@code listing}: the case list, search and the caseworker queue.</li>
 * </ul>
 * Other modules see this package only: the events, the access policy as
 * {@link no.dfo.kundesenter.cases.CaseAccess}, and
 * {@link no.dfo.kundesenter.cases.CannedTexts}, which the casework module implements.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "access", "web", "attachments" })
package no.dfo.kundesenter.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
