package no.dfo.kundesenter.access;

/**
 * A person as other modules list them (to pick a colleague or a customer).
 *
 * @param id the user's id
 * @param fullName the name shown to others
 * @param email where notices go
 * @param organizationId the agency (or the centre) the person works for
 */
public record Person(long id, String fullName, String email, long organizationId) {

}
