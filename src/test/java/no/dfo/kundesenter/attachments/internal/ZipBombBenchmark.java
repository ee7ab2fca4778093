package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import no.dfo.kundesenter.attachments.OfficeFiles;

/**
 * Not a test: prints the CPU and wall time the content check of an upload costs for ZIP
 * bombs and for ordinary documents. Run with {@code bench/zip-bomb-benchmark.sh}.
 */
public final class ZipBombBenchmark {

	/** The default of portal.attachments.max-inflated-size. */
	private static final long MAX_INFLATED = 100L * 1024 * 1024;

	private ZipBombBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		Map<String, byte[]> samples = new LinkedHashMap<>();
		samples.put("ordinary docx", OfficeFiles.docx());
		samples.put("docx of zeros, 4 GiB inflated, sizes declared", OfficeFiles.docxOfZeros(4096, true));
		samples.put("docx of zeros, 1 GiB inflated, sizes declared", OfficeFiles.docxOfZeros(1024, true));
		samples.put("docx of zeros, 4 GiB inflated, sizes hidden", OfficeFiles.docxOfZeros(4096, false));
		samples.put("docx of zeros, 1 GiB inflated, sizes hidden", OfficeFiles.docxOfZeros(1024, false));
		samples.put("docx of zeros, 99 MiB inflated, sizes hidden", OfficeFiles.docxOfZeros(99, false));
		samples.put("docx of zeros, 99 MiB inflated, sizes declared", OfficeFiles.docxOfZeros(99, true));
		samples.put("docx with 20 MiB of photos (stored)", withPhotos(20));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (var sample : samples.entrySet()) {
			byte[] content = sample.getValue();
			String outcome = "";
			long bestCpu = Long.MAX_VALUE;
			long bestWall = Long.MAX_VALUE;
			for (int round = 0; round < rounds; round++) {
				long cpu0 = threads.getCurrentThreadCpuTime();
				long wall0 = System.nanoTime();
				outcome = check(content);
				bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu0);
				bestWall = Math.min(bestWall, System.nanoTime() - wall0);
			}
			System.out.printf("%-48s %6.2f MB  %-17s cpu %8.1f ms  wall %8.1f ms%n", sample.getKey(),
					content.length / 1e6, outcome, bestCpu / 1e6, bestWall / 1e6);
		}
	}

	private static byte[] withPhotos(int mebibytes) {
		byte[] noise = new byte[mebibytes * OfficeFiles.MIB];
		new Random(1).nextBytes(noise);
		CRC32 crc = new CRC32();
		crc.update(noise);
		return OfficeFiles.zip(true,
				OfficeFiles.contentTypes("/word/document.xml",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
				OfficeFiles.entry("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"),
				new OfficeFiles.Entry("word/media/image1.jpg", 0, noise, noise.length, crc.getValue()));
	}

	private static String check(byte[] content) throws Exception {
		String type;
		try (InputStream in = new ByteArrayInputStream(content)) {
			type = ContentTypes.detect(in, "Lønnsslipp.docx");
		}
		return ContentTypes.check(type, () -> new ByteArrayInputStream(content), MAX_INFLATED).name();
	}

}
