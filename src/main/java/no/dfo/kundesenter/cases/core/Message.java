package no.dfo.kundesenter.cases.core;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry in a case's conversation: public (to the customer) or an internal note.
 */
@Entity
@Table(name = "message")
public class Message {

	/** The most characters a message may hold. */
	public static final int MAX_LENGTH = 20_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "author_id", nullable = false)
	private long authorId;

	@Enumerated(EnumType.STRING)
	@Column(name = "author_side", nullable = false)
	private AuthorSide authorSide;

	@Column(nullable = false)
	private String body;

	@Column(nullable = false)
	private boolean internal;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Message() {
	}

	Message(long authorId, AuthorSide authorSide, String body, boolean internal, Instant createdAt) {
		this.authorId = authorId;
		this.authorSide = authorSide;
		this.body = body;
		this.internal = internal;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getAuthorId() {
		return this.authorId;
	}

	public AuthorSide getAuthorSide() {
		return this.authorSide;
	}

	public String getBody() {
		return this.body;
	}

	public boolean isInternal() {
		return this.internal;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
