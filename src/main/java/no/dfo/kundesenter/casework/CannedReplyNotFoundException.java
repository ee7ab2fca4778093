package no.dfo.kundesenter.casework;

import no.dfo.kundesenter.web.ResourceNotFoundException;

/**
 * There is no such ferdigtekst, or the person is not a caseworker of its category, or no
 * caseworker at all: all look the same from outside (404).
 */
class CannedReplyNotFoundException extends ResourceNotFoundException {

	CannedReplyNotFoundException(String message) {
		super(message);
	}

}
