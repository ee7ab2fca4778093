package no.dfo.kundesenter.attachments.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code /actuator/health}: down while the bucket files are kept in cannot be reached, so
 * uploads and downloads that fail do not go unnoticed. Not part of readiness: a store
 * that is away would take every node out of the load balancer at once.
 */
class ObjectStoreHealth implements HealthIndicator {

	private final S3Client s3;

	private final String bucket;

	ObjectStoreHealth(S3Client s3, String bucket) {
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	public Health health() {
		try {
			this.s3.headBucket((head) -> head.bucket(this.bucket));
			return Health.up().build();
		}
		catch (SdkException ex) {
			return Health.down().withDetail("problem", ex.getClass().getSimpleName()).build();
		}
	}

}
