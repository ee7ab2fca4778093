/**
 * Incoming channels. For now e-mail: the centre's mailboxes (one per category) are read
 * over IMAP; a mail from a known person becomes their case or a message on a case they
 * see, a mail from anyone else waits in the caseworkers' triage list, auto-replies and
 * bounces become nothing, and a mail that cannot be read is kept in quarantine.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "cases", "access", "attachments", "notifications", "web" })
package no.dfo.kundesenter.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
