package no.dfo.kundesenter.attachments;

import java.util.List;

/**
 * Files that were not stored, and why. Nothing of an upload is stored when any of its
 * files is rejected.
 */
public class AttachmentRejectedException extends RuntimeException {

	private final List<Problem> problems;

	public AttachmentRejectedException(List<Problem> problems) {
		super("Attachments rejected: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One reason, as a message code of the attachments bundle and its arguments (the file
	 * name first, where there is one).
	 */
	public record Problem(String code, List<String> args) {

		public Problem {
			args = List.copyOf(args);
		}

		public static Problem of(String code, String... args) {
			return new Problem(code, List.of(args));
		}

	}

}
