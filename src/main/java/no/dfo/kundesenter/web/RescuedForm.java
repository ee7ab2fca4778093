package no.dfo.kundesenter.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The text of a form that was not sent, kept in the session until its page shows it
 * again.
 *
 * @param page where it is shown again
 * @param fields the text fields as sent, without the CSRF token and any password
 * @param droppedFiles the names of files that came with it and were not kept
 * @param incomplete whether some of the text could not be kept (the form was too large)
 * @param reason why it was not sent
 */
public record RescuedForm(String page, Map<String, List<String>> fields, List<String> droppedFiles, boolean incomplete,
		Reason reason) implements Serializable {

	public RescuedForm {
		fields = Map.copyOf(fields);
		droppedFiles = List.copyOf(droppedFiles);
	}

	public boolean hasDroppedFiles() {
		return !this.droppedFiles.isEmpty();
	}

	public String droppedFileNames() {
		return String.join(", ", this.droppedFiles);
	}

	public enum Reason {

		/** The session ended (idle timeout or lifetime) before the form was sent. */
		SESSION_ENDED,

		/**
		 * The form's CSRF token was no longer the session's (an old page, a new session).
		 */
		PAGE_EXPIRED

	}

}
