package no.dfo.kundesenter.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The words of a case for full-text search, kept up to date by the database (V10): its
 * subject and public messages, and its internal notes. Read-only, and only ever used
 * inside queries, so loading a {@link Case} never reads these columns.
 */
@Entity
@Immutable
@Table(name = "support_case")
class CaseSearchDocument {

	@Id
	private Long id;

	@Column(name = "search_public", columnDefinition = "tsvector", insertable = false, updatable = false)
	private String searchPublic;

	@Column(name = "search_internal", columnDefinition = "tsvector", insertable = false, updatable = false)
	private String searchInternal;

	protected CaseSearchDocument() {
	}

}
