package no.dfo.kundesenter.cases;

import java.util.List;
import java.util.Optional;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.core.Message;

/**
 * Ferdigtekster as the case page uses them: the texts a caseworker may insert into a
 * reply. The case module owns this interface and another module keeps the texts, so the
 * dependency runs one way.
 */
public interface CannedTexts {

	/** The most a text may hold: what fits in one message. */
	int MAX_LENGTH = Message.MAX_LENGTH;

	/**
	 * The texts of a category, by title, for a caseworker of that category.
	 */
	List<CannedText> forCategory(Category category, PortalUser caseworker);

	/**
	 * One text, if it exists and the caseworker may use it.
	 */
	Optional<CannedText> find(long id, PortalUser caseworker);

	/**
	 * @param body inserted as it is into the reply field
	 */
	record CannedText(long id, String title, String body) {
	}

}
