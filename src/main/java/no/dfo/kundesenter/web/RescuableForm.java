package no.dfo.kundesenter.web;

/**
 * A form whose text is kept when it cannot be sent (its page was too old for its CSRF
 * token, or the session ended), and shown again on its page. Modules declare theirs as
 * beans.
 *
 * @param action the path pattern the form is posted to, such as
 * {@code /saker/{id}/meldinger}
 * @param page the page that shows the form, with the action's variables, such as
 * {@code /saker/{id}}
 * @param attribute the model attribute the page binds the form to
 * @param type the form's record type; its components are the form's field names
 */
public record RescuableForm(String action, String page, String attribute, Class<? extends Record> type) {
}
