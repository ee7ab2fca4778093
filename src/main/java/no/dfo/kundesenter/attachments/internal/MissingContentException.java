package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.util.UUID;

/**
 * The content of a file is not where its store keeps it: deleted, or never restored.
 */
class MissingContentException extends IOException {

	MissingContentException(UUID id, String what) {
		super(what + " of stored content " + id + " is missing");
	}

}
