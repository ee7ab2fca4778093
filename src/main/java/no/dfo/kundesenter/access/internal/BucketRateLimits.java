package no.dfo.kundesenter.access.internal;

import java.util.List;

import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.access.RateLimitExceededException.Limit;
import no.dfo.kundesenter.access.RateLimits;
import no.dfo.kundesenter.access.internal.RateLimitBuckets.Demand;
import org.springframework.stereotype.Component;

@Component
class BucketRateLimits implements RateLimits {

	private final RateLimitBuckets buckets;

	private final RateLimitBuckets.Limit registrations;

	private final RateLimitBuckets.Limit files;

	private final RateLimitBuckets.Limit bytes;

	private final RateLimitBuckets.Limit apiRequests;

	BucketRateLimits(RateLimitBuckets buckets, RateLimitSettings settings) {
		this.buckets = buckets;
		var uploads = settings.uploads();
		this.registrations = new RateLimitBuckets.Limit(settings.caseRegistrations().count(),
				settings.caseRegistrations().period());
		this.files = new RateLimitBuckets.Limit(uploads.files(), uploads.period());
		this.bytes = new RateLimitBuckets.Limit(uploads.bytes().toBytes(), uploads.period());
		this.apiRequests = new RateLimitBuckets.Limit(settings.api().requests(), settings.api().period());
	}

	@Override
	public void countCaseRegistration(long personId) {
		take(Limit.CASE_REGISTRATIONS,
				List.of(new Demand(RateLimitKeys.caseRegistrations(personId), this.registrations, 1)));
	}

	@Override
	public void countUpload(long personId, int files, long bytes) {
		take(Limit.UPLOADS, List.of(new Demand(RateLimitKeys.uploadedFiles(personId), this.files, files),
				new Demand(RateLimitKeys.uploadedBytes(personId), this.bytes, bytes)));
	}

	@Override
	public void countApiRequest(long organizationId) {
		take(Limit.API_REQUESTS, List.of(new Demand(RateLimitKeys.apiRequests(organizationId), this.apiRequests, 1)));
	}

	private void take(Limit limit, List<Demand> demands) {
		this.buckets.take(demands).ifPresent((wait) -> {
			throw new RateLimitExceededException(limit, wait);
		});
	}

}
