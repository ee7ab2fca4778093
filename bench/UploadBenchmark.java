import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads PDF-looking files of one size to a running portal as draft attachments (the
 * endpoint the new-case form's script uses), N at a time, and prints throughput, p50 and
 * p95. Each draft is deleted after its upload (not timed), so the per-person draft limit
 * is never reached. Run with: java bench/UploadBenchmark.java BASE_URL USER SIZE_MB COUNT CONCURRENCY
 */
public class UploadBenchmark {

	static final String BOUNDARY = "----upload-benchmark";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String user = args[1];
		int sizeMb = Integer.parseInt(args[2]);
		int count = Integer.parseInt(args[3]);
		int concurrency = Integer.parseInt(args[4]);

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = csrf(http, base + "/login");
		String login = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(login))
			.build(), HttpResponse.BodyHandlers.discarding());
		String token = csrf(http, base + "/saker/ny");

		byte[] body = multipart(sizeMb * 1024 * 1024);
		List<Long> millis = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> jobs = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			jobs.add(pool.submit(() -> {
				long t0 = System.nanoTime();
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/saker/ny/vedlegg"))
					.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
					.header("X-CSRF-TOKEN", token)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				long elapsed = (System.nanoTime() - t0) / 1_000_000;
				if (response.statusCode() != 200) {
					throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
				}
				millis.add(elapsed);
				Matcher id = Pattern.compile("name=\"attachmentIds\" value=\"([0-9a-f-]{36})\"").matcher(response.body());
				if (id.find()) {
					http.send(HttpRequest.newBuilder(URI.create(base + "/saker/ny/vedlegg/" + id.group(1) + "/slett"))
						.header("X-CSRF-TOKEN", token)
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.discarding());
				}
				return null;
			}));
		}
		for (Future<?> job : jobs) {
			job.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf("%d x %d MB, concurrency %d: %.1f s, %.1f uploads/s, %.1f MB/s, p50 %d ms, p95 %d ms%n",
				count, sizeMb, concurrency, seconds, count / seconds, count * sizeMb / seconds, percentile(sorted, 50),
				percentile(sorted, 95));
	}

	static long percentile(List<Long> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(index, 0));
	}

	static String csrf(HttpClient http, String url) throws Exception {
		String page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on " + url);
		}
		return m.group(1);
	}

	static byte[] multipart(int size) {
		byte[] content = new byte[size];
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, content, 0, header.length);
		for (int i = header.length; i < size; i++) {
			content[i] = (byte) ('a' + (i * 31 % 26));
		}
		var out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"benchmark.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
