package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * The type of a file from its content (Apache Tika's magic numbers), and whether we take
 * it. The name only refines what the content already shows (a .csv is text, a .docx is a
 * ZIP), never overrides it, so an .exe named .pdf stays an executable. Documents that are
 * containers are opened: ZIP-based ones ({@link ZipPackages}) for their parts, macros and
 * what they inflate to, legacy Word and Excel files ({@link OleDocuments}) for macros.
 */
final class ContentTypes {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String ODT = "application/vnd.oasis.opendocument.text";

	static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

	/** PDF, images, Word, Excel, OpenDocument, text, CSV and XML. */
	static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/heic", "image/heif",
			"image/gif", "image/tiff", "application/msword", DOCX, "application/vnd.ms-excel", XLSX, ODT, ODS,
			"text/plain", "text/csv", "application/xml", "text/xml");

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");

	private ContentTypes() {
	}

	/** What the content check found. */
	enum Verdict {

		TAKEN, WRONG_TYPE, MACROS, INFLATES_TOO_MUCH

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
	 * @param maxInflatedBytes what all entries of a ZIP-based document may inflate to
	 * @throws IOException if the content cannot be read again
	 */
	static Verdict check(String type, ContentSource content, long maxInflatedBytes) throws IOException {
		if (type.toLowerCase(Locale.ROOT).contains("macroenabled")) {
			return Verdict.MACROS;
		}
		if (!ALLOWED.contains(type)) {
			return Verdict.WRONG_TYPE;
		}
		MediaTypeRegistry registry = TYPES.getMediaTypeRegistry();
		MediaType media = MediaType.parse(type);
		boolean zip = registry.isSpecializationOf(media, MediaType.APPLICATION_ZIP);
		if (!zip && !registry.isSpecializationOf(media, OLE2)) {
			return Verdict.TAKEN;
		}
		// Both containers are read through their directory, which needs random access.
		Path copy = Files.createTempFile("upload-", ".tmp");
		try {
			try (InputStream in = content.open()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return zip ? ZipPackages.check(copy, type, maxInflatedBytes) : OleDocuments.check(copy);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@FunctionalInterface
	interface ContentSource {

		InputStream open() throws IOException;

	}

}
