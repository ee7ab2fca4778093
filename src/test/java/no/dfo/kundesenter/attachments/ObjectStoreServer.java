package no.dfo.kundesenter.attachments;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible store for tests: s3proxy in this JVM, keeping objects in memory, on a
 * free port of 127.0.0.1, with one bucket and requests signed as with Amazon S3. Started
 * once for every test that needs it.
 */
public final class ObjectStoreServer {

	public static final String BUCKET = "kundesenter-test";

	public static final String ACCESS_KEY = "kundesenter-test-access";

	public static final String SECRET_KEY = "kundesenter-test-secret-0123456789";

	private static final Duration STARTUP = Duration.ofSeconds(30);

	private static ObjectStoreServer shared;

	private final S3Proxy proxy;

	private ObjectStoreServer() throws Exception {
		TransientNio2BlobStore store = new TransientNio2BlobStore();
		store.createContainer(BUCKET);
		this.proxy = S3Proxy.builder()
			.blobStore(store)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		this.proxy.start();
		Instant deadline = Instant.now().plus(STARTUP);
		while (!"STARTED".equals(this.proxy.getState())) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("s3proxy did not start within " + STARTUP);
			}
			Thread.sleep(10);
		}
	}

	public static synchronized ObjectStoreServer shared() {
		if (shared == null) {
			try {
				shared = new ObjectStoreServer();
			}
			catch (Exception ex) {
				throw new IllegalStateException("s3proxy did not start", ex);
			}
		}
		return shared;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.proxy.getPort();
	}

}
