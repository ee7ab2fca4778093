package no.dfo.kundesenter.cases.listing;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * SQL functions the case list uses in its JPA specifications (decision 0050): full-text
 * matching on the per-case search columns, case-insensitive substring matching (served by
 * the trigram index), and the names of people and agencies for the list's rows and order.
 */
public class CaseSearchFunctions implements FunctionContributor {

	/** {@code fts_match(tsvector, text)}: the words of the text, Norwegian stemming. */
	static final String FTS_MATCH = "fts_match";

	/** {@code text_contains(text, pattern)}: ILIKE with {@code !} as escape character. */
	static final String TEXT_CONTAINS = "text_contains";

	/** {@code person_name(user_id)}: the person's full name (reporter, assignee). */
	static final String PERSON_NAME = "person_name";

	/** {@code organization_name(organization_id)}: the agency's name. */
	static final String ORGANIZATION_NAME = "organization_name";

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
		BasicType<Boolean> bool = types.resolve(StandardBasicTypes.BOOLEAN);
		BasicType<String> string = types.resolve(StandardBasicTypes.STRING);
		var registry = contributions.getFunctionRegistry();
		registry.registerPattern(FTS_MATCH, "(?1 @@ plainto_tsquery('norwegian', ?2))", bool);
		registry.registerPattern(TEXT_CONTAINS, "(?1 ilike ?2 escape '!')", bool);
		registry.registerPattern(PERSON_NAME, "(select u.full_name from app_user u where u.id = ?1)", string);
		registry.registerPattern(ORGANIZATION_NAME, "(select o.name from organization o where o.id = ?1)", string);
	}

}
