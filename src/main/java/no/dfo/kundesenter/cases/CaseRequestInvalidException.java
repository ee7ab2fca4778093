package no.dfo.kundesenter.cases;

import java.util.List;

/**
 * What an agency's system sent breaks the rules of a case: one problem per field, each a
 * message code with its arguments.
 */
public class CaseRequestInvalidException extends RuntimeException {

	private final List<FieldProblem> problems;

	public CaseRequestInvalidException(List<FieldProblem> problems) {
		super("Invalid fields: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * @param field the field's name as sent, for example {@code voucher.amount}
	 */
	public record FieldProblem(String field, String code, List<Object> args) {

		public FieldProblem {
			args = List.copyOf(args);
		}

	}

}
