package no.dfo.kundesenter.ui;

import org.jspecify.annotations.Nullable;

/**
 * One page of the portal as a person reaches it.
 *
 * @param name what the page is, for the test's name
 * @param user the demo user who signs in to see it, or {@code null} for nobody
 * @param status the HTTP status the page comes with
 * @param chosenLanguage whether the page is in the language chosen with {@code ?lang=}
 * (or before), rather than in the one the browser asks for
 * @param visit how the browser gets there, from wherever the page before left it
 */
record Page(String name, @Nullable String user, int status, boolean chosenLanguage, Visit visit) {

	static Page of(@Nullable String user, String name, Visit visit) {
		return new Page(name, user, 200, true, visit);
	}

	/** The same page, answered with another status. */
	Page withStatus(int status) {
		return new Page(this.name, this.user, status, this.chosenLanguage, this.visit);
	}

	/**
	 * The same page, always in the browser's language: the server answers it before it
	 * reads what the request chose.
	 */
	Page inTheBrowsersLanguage() {
		return new Page(this.name, this.user, this.status, false, this.visit);
	}

	@Override
	public String toString() {
		return this.name + " (" + ((this.user != null) ? this.user : "not signed in") + ")";
	}

	@FunctionalInterface
	interface Visit {

		void open(Browser browser) throws Exception;

	}

}
