package no.dfo.kundesenter.access.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A government agency that uses the centre, or the centre itself.
 */
@Entity
@Table(name = "organization")
public class Organization {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "org_number", nullable = false, unique = true, length = 9)
	private String orgNumber;

	@Column(nullable = false)
	private String name;

	protected Organization() {
	}

	public Long getId() {
		return this.id;
	}

	public String getOrgNumber() {
		return this.orgNumber;
	}

	public String getName() {
		return this.name;
	}

}
