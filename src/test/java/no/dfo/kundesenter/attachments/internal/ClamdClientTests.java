package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import no.dfo.kundesenter.attachments.ClamdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The clamd protocol against a real clamd, and against a peer that accepts connections
 * but never answers.
 */
class ClamdClientTests {

	private static ClamdServer clamd;

	@BeforeAll
	static void startClamd() {
		clamd = ClamdServer.onFreePort();
		clamd.start();
	}

	@AfterAll
	static void stopClamd() {
		if (clamd != null) {
			clamd.close();
		}
	}

	private static ClamdClient client(int port, Duration timeout) {
		return new ClamdClient("127.0.0.1", port, timeout);
	}

	@Test
	void cleanContentOfManyChunksIsCleanAndTheTestSignatureIsFoundByName() throws IOException {
		try (ClamdClient client = client(clamd.port(), Duration.ofSeconds(10))) {
			byte[] content = new byte[5 * ClamdClient.CHUNK_SIZE + 17];
			assertThat(client.scan(new ByteArrayInputStream(content)).infected()).isFalse();
			System.arraycopy(ClamdServer.TEST_SIGNATURE, 0, content, ClamdClient.CHUNK_SIZE - 10,
					ClamdServer.TEST_SIGNATURE.length);
			ClamdClient.Scan scan = client.scan(new ByteArrayInputStream(content));
			assertThat(scan.infected()).isTrue();
			assertThat(scan.signature()).isEqualTo(ClamdServer.SIGNATURE_NAME);
		}
	}

	@Test
	void contentLongerThanClamdTakesIsAnError() {
		try (ClamdClient client = client(clamd.port(), Duration.ofSeconds(10))) {
			byte[] content = new byte[ClamdServer.STREAM_MAX_LENGTH + ClamdClient.CHUNK_SIZE];
			assertThatIOException().isThrownBy(() -> client.scan(new ByteArrayInputStream(content)))
				.withMessageContaining("size limit exceeded");
		}
	}

	@Test
	void nothingListeningIsAnError() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ClamdClient client = client(closedPort, Duration.ofSeconds(10))) {
			assertThatIOException().isThrownBy(() -> client.scan(new ByteArrayInputStream(new byte[10])));
		}
	}

	@Test
	@Timeout(60)
	void aPeerThatStopsReadingOrNeverAnswersIsCutOffAtTheTimeout() throws IOException {
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
				ClamdClient client = client(silent.getLocalPort(), Duration.ofMillis(500))) {
			Thread.ofPlatform().daemon(true).start(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (IOException ex) {
					// Closed at the end of the test.
				}
			});
			// Far more than the socket buffers hold, so writing blocks.
			byte[] large = new byte[64 * 1024 * 1024];
			assertThatIOException().isThrownBy(() -> client.scan(new ByteArrayInputStream(large)))
				.withMessageContaining("did not answer within");
			assertThatIOException().isThrownBy(() -> client.scan(new ByteArrayInputStream(new byte[10])))
				.withMessageContaining("did not answer within");
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

}
