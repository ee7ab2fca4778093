package no.dfo.kundesenter.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.dfo.kundesenter.cases.CannedTexts;
import no.dfo.kundesenter.cases.Category;

/**
 * Ferdigtekst: a named reply text the caseworkers of one category share and insert into
 * their answers.
 */
@Entity
@Table(name = "canned_reply")
public class CannedReply {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Category category;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	@Column(name = "updated_by", nullable = false)
	private long updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected CannedReply() {
	}

	CannedReply(Category category, String title, String body, long updatedBy, Instant now) {
		this.category = category;
		edit(title, body, updatedBy, now);
	}

	void edit(String title, String body, long updatedBy, Instant now) {
		this.title = title;
		this.body = body;
		this.updatedBy = updatedBy;
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Category getCategory() {
		return this.category;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	CannedTexts.CannedText text() {
		return new CannedTexts.CannedText(this.id, this.title, this.body);
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
