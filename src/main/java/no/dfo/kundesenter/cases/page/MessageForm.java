package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;

/**
 * The message form under a case's conversation, exactly as typed. Customers send only
 * {@code body}; caseworkers also choose public or internal, a new status, and may insert
 * a canned reply. {@code version} is the case's version on the page, so a change made
 * meanwhile is noticed instead of overwritten.
 */
record MessageForm(@Nullable String body, @Nullable String visibility, @Nullable String status,
		@Nullable String version, @Nullable String cannedReply, @Nullable String action) {

	static final String PUBLIC = "offentlig";

	static final String INTERNAL = "intern";

	static final String INSERT = "sett-inn";

	static MessageForm empty(long version) {
		return new MessageForm(null, PUBLIC, null, Long.toString(version), null, null);
	}

	boolean wantsInsert() {
		return INSERT.equals(this.action);
	}

	boolean internal() {
		return INTERNAL.equals(this.visibility);
	}

	/**
	 * The form with a ferdigtekst added to what is typed, after a blank line.
	 */
	MessageForm insert(String text) {
		String newBody = FormText.isBlank(this.body) ? text : this.body.stripTrailing() + "\n\n" + text;
		return new MessageForm(newBody, this.visibility, this.status, this.version, this.cannedReply, null);
	}

	MessageForm withVersion(long newVersion) {
		return new MessageForm(this.body, this.visibility, this.status, Long.toString(newVersion), this.cannedReply,
				null);
	}

}
