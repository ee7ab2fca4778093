package no.dfo.kundesenter.access.internal;

import java.util.List;

import no.dfo.kundesenter.access.SecurityEvents;
import no.dfo.kundesenter.access.internal.RateLimitBuckets.Demand;
import org.springframework.stereotype.Component;

/**
 * Counts the case ids each person gets 404 on in a rate-limit bucket of their own, in the
 * database, so the count holds across nodes. Once the bucket is empty the security event
 * log warns of enumeration; a second bucket of one token per period keeps that to one
 * warning a period, however long the guessing goes on.
 */
@Component
class CaseEnumerationWatch implements SecurityEvents {

	private final RateLimitBuckets buckets;

	private final SecurityLog log;

	private final RateLimitBuckets.Limit notFound;

	private final RateLimitBuckets.Limit warnings;

	CaseEnumerationWatch(RateLimitBuckets buckets, RateLimitSettings settings, SecurityLog log) {
		this.buckets = buckets;
		this.log = log;
		var casesNotFound = settings.casesNotFound();
		this.notFound = new RateLimitBuckets.Limit(casesNotFound.count(), casesNotFound.period());
		this.warnings = new RateLimitBuckets.Limit(1, casesNotFound.period());
	}

	@Override
	public void caseNotFound(long personId, long caseId) {
		this.log.caseNotFound(personId, caseId);
		boolean tooMany = this.buckets
			.take(List.of(new Demand(RateLimitKeys.casesNotFound(personId), this.notFound, 1)))
			.isPresent();
		if (tooMany && this.buckets
			.take(List.of(new Demand(RateLimitKeys.caseEnumerationWarnings(personId), this.warnings, 1)))
			.isEmpty()) {
			this.log.caseEnumeration(personId, caseId, this.notFound);
		}
	}

}
