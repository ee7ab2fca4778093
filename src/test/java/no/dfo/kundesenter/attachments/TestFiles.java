package no.dfo.kundesenter.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Small real files of the kinds people send, and some they must not.
 */
public final class TestFiles {

	public static final byte[] PDF = """
			%PDF-1.4
			1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
			2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
			3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>> endobj
			trailer <</Root 1 0 R>>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	public static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	public static final byte[] TEXT = "Hei! Lønnsslippen for mars mangler. Hilsen Kari\n"
		.getBytes(StandardCharsets.UTF_8);

	public static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	public static final byte[] EXE = exe();

	public static final byte[] ZIP = zip("notat.txt", "word/notat.txt");

	public static final byte[] DOCX = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

	private TestFiles() {
	}

	public static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "application/octet-stream", content);
	}

	/** A PDF of the given size: a real header, then filler. */
	public static byte[] pdfOfSize(int size) {
		byte[] content = new byte[size];
		System.arraycopy(PDF, 0, content, 0, Math.min(PDF.length, size));
		for (int i = PDF.length; i < size; i++) {
			content[i] = (byte) ('a' + (i % 26));
		}
		return content;
	}

	private static byte[] exe() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 78, stub.length);
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	private static byte[] zip(String... entries) {
		try {
			var bytes = new ByteArrayOutputStream();
			try (var zip = new ZipOutputStream(bytes)) {
				for (String entry : entries) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
