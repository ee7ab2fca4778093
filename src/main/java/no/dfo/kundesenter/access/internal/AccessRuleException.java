package no.dfo.kundesenter.access.internal;

/**
 * An access request or role change that breaks a rule; {@link #code()} is the message key
 * that explains it to the person.
 */
public class AccessRuleException extends RuntimeException {

	private final String code;

	AccessRuleException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
