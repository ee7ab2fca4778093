/**
 * Attachments (vedlegg): files people send with their cases. Checks them (type from the
 * content, sizes, names), keeps them encrypted behind one storage interface, keeps draft
 * uploads for forms that are not sent yet and deletes forgotten drafts. Knows nothing
 * about cases beyond their id: the cases module decides who may see an attachment. Counts
 * each person's uploads against the rate limits of the access module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "access")
package no.dfo.kundesenter.attachments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
