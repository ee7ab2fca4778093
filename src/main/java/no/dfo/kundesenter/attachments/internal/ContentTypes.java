package no.dfo.kundesenter.attachments.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * The type of a file from its content (Apache Tika's magic numbers), and whether we take
 * it. The name only refines what the content already shows (a .csv is text, a .docx is a
 * ZIP), never overrides it, so an .exe named .pdf stays an executable. Office Open XML
 * files are ZIP archives, which tika-core alone cannot tell apart; their inside is
 * checked so a plain ZIP named .docx is still refused.
 */
final class ContentTypes {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** PDF, images, Word, Excel, OpenDocument, text, CSV and XML. */
	static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/heic", "image/heif",
			"image/gif", "image/tiff", "application/msword", DOCX, "application/vnd.ms-excel", XLSX,
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet", "text/plain",
			"text/csv", "application/xml", "text/xml");

	/** The part an Office Open XML package must have to be that kind of document. */
	private static final Map<String, String> OOXML_MAIN_PART = Map.of(DOCX, "word/document.xml", XLSX,
			"xl/workbook.xml");

	/** How far into a ZIP to look for the parts that make it Office Open XML. */
	private static final int OOXML_MAX_ENTRIES = 64;

	private static final long OOXML_MAX_BYTES = 4L * 1024 * 1024;

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private ContentTypes() {
	}

	/**
	 * The detected type, without parameters.
	 * @param content read from its start; closed by the caller
	 * @param name the cleaned file name
	 */
	static String detect(InputStream content, String name) throws IOException {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		try (TikaInputStream in = TikaInputStream.get(content)) {
			MediaType type = TYPES.detect(in, metadata, new ParseContext());
			return type.getBaseType().toString();
		}
	}

	/**
	 * Whether we take a file of the detected type.
	 * @param content opens the file again from its start, for the checks that need more
	 * than the first bytes
	 */
	static boolean isAllowed(String type, ContentSource content) throws IOException {
		if (!ALLOWED.contains(type)) {
			return false;
		}
		String mainPart = OOXML_MAIN_PART.get(type);
		return mainPart == null || hasOoxmlParts(content, mainPart);
	}

	private static boolean hasOoxmlParts(ContentSource source, String mainPart) throws IOException {
		// Only entry names are read; stopping early keeps a ZIP bomb from being inflated.
		try (InputStream raw = source.open();
				ZipInputStream zip = new ZipInputStream(new Limited(raw, OOXML_MAX_BYTES))) {
			boolean contentTypes = false;
			boolean main = false;
			ZipEntry entry;
			for (int i = 0; i < OOXML_MAX_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
				contentTypes |= entry.getName().equals("[Content_Types].xml");
				main |= entry.getName().equals(mainPart);
				if (contentTypes && main) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** Ends the stream after a number of bytes. */
	private static final class Limited extends FilterInputStream {

		private long left;

		Limited(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			this.left -= (b < 0) ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(b, off, (int) Math.min(len, this.left));
			this.left -= Math.max(n, 0);
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(Math.min(n, this.left));
			this.left -= skipped;
			return skipped;
		}

	}

	@FunctionalInterface
	interface ContentSource {

		InputStream open() throws IOException;

	}

}
