package no.dfo.kundesenter.access;

/**
 * A client agency (virksomhet) whose people send cases to the centre.
 *
 * @param id the agency's id
 * @param orgNumber the nine-digit organisation number
 * @param name the agency's name
 */
public record Agency(long id, String orgNumber, String name) {

}
