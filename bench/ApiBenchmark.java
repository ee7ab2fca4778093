import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers cases through the API (POST /api/v1/saker, each with its own Idempotency-Key)
 * with a fixed number of workers, and prints cases per second, p50, p95 and p99.
 *
 * java bench/ApiBenchmark.java BASE_URL TOKEN CASES CONCURRENCY
 */
public class ApiBenchmark {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		int cases = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		HttpClient http = HttpClient.newBuilder().build();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < cases) {
					String body = """
							{"category": "PAYROLL", "subject": "Bilag %d fra lønnssystemet",
							 "message": "Overtid for november er ikke utbetalt. Se bilaget.",
							 "voucher": {"employeeNumber": "%d", "employeeName": "Ansatt %d",
							             "payPeriod": "2026-11", "amount": "12500.50"}}""".formatted(i, 1000 + i, i);
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/saker"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.header("Idempotency-Key", "bench-" + UUID.randomUUID())
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							if (failed.incrementAndGet() <= 3) {
								System.err.println(response.statusCode() + " " + response.body());
							}
							continue;
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
						continue;
					}
					latencies.add(System.nanoTime() - t0);
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%d cases registered (%d failed) at concurrency %d in %.1f s: %.1f cases/s; "
				+ "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n", sorted.size(), failed.get(), concurrency, seconds,
				sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
	}

	private static double ms(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
