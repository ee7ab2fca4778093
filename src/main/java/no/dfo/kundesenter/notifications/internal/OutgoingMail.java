package no.dfo.kundesenter.notifications.internal;

import java.time.Instant;

/**
 * One composed notice, ready to go.
 *
 * @param to the recipient's address, already checked
 * @param subject says which case, never what it is about
 * @param text the plain-text body
 * @param html the same as HTML
 * @param link the case link the mail contains
 * @param composedAt when it was composed, in Norwegian time
 */
public record OutgoingMail(String to, String subject, String text, String html, String link, Instant composedAt) {

}
