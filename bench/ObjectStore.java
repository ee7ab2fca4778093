import no.dfo.kundesenter.attachments.ObjectStoreServer;

/**
 * The tests' S3-compatible store (s3proxy, in memory) as a process of its own, for running the
 * portal against it: prints its endpoint and runs until stopped. Run with the tests' class path:
 * java -cp target/test-classes:$(cat target/test-classpath.txt) bench/ObjectStore.java
 */
public class ObjectStore {

	public static void main(String[] args) throws InterruptedException {
		ObjectStoreServer server = ObjectStoreServer.shared();
		System.out.println("endpoint " + server.endpoint() + " bucket " + ObjectStoreServer.BUCKET);
		Thread.currentThread().join();
	}

}
