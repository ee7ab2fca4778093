/**
 * The caseworkers' own tools. For now ferdigtekster: reply texts the caseworkers of a
 * category keep together and insert into their answers, offered to the case page through
 * {@link no.dfo.kundesenter.cases.CannedTexts}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "cases", "access", "web" })
package no.dfo.kundesenter.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
