package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import no.dfo.kundesenter.attachments.internal.ContentTypes.Verdict;

/**
 * Word, Excel and OpenDocument files are ZIP archives. One pass over the entries, as
 * Office reads them (from the central directory), inflates each and counts: the entries
 * may together declare at most the budget, and none may inflate to more than it declares,
 * so no file costs more inflating than the budget, and a bomb with honest headers costs
 * nothing. The same pass collects what shows macros: a VBA project or macro sheet in
 * Office Open XML, Basic modules or scripts in OpenDocument.
 */
final class ZipPackages {

	static final int MAX_ENTRIES = 10_000;

	private static final long MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

	/** The part an Office Open XML package must have to be that kind of document. */
	private static final Map<String, String> OOXML_MAIN_PART = Map.of(ContentTypes.DOCX, "word/document.xml",
			ContentTypes.XLSX, "xl/workbook.xml");

	private static final String CONTENT_TYPES = "[content_types].xml";

	private static final List<String> MACRO_CONTENT_TYPES = List.of("macroenabled", "vbaproject", "macrosheet");

	private static final Set<String> ODF_LIBRARY_FILES = Set.of("script-lc.xml", "script-lb.xml");

	private ZipPackages() {
	}

	static Verdict check(Path file, String type, long maxInflatedBytes) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				return Verdict.WRONG_TYPE;
			}
			Set<String> names = new HashSet<>();
			List<String> contentTypes = new ArrayList<>();
			long declared = 0;
			byte[] buffer = new byte[64 * 1024];
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				long size = entry.getSize();
				if (!names.add(name) || size < 0) {
					return Verdict.WRONG_TYPE;
				}
				declared += size;
				if (declared > maxInflatedBytes) {
					return Verdict.INFLATES_TOO_MUCH;
				}
				try (InputStream in = zip.getInputStream(entry)) {
					if (name.equals(CONTENT_TYPES)) {
						if (size > MAX_CONTENT_TYPES_BYTES) {
							return Verdict.WRONG_TYPE;
						}
						byte[] xml = in.readNBytes((int) size + 1);
						if (xml.length > size || !readContentTypes(xml, contentTypes)) {
							return Verdict.WRONG_TYPE;
						}
					}
					else if (inflate(in, size, buffer) > size) {
						return Verdict.WRONG_TYPE;
					}
				}
			}
			return verdict(type, names, contentTypes);
		}
		catch (IOException | RuntimeException ex) {
			// Not a ZIP archive we can read through, so nothing Office would open either.
			return Verdict.WRONG_TYPE;
		}
	}

	/** Reads at most one byte more than declared. */
	private static long inflate(InputStream in, long declared, byte[] buffer) throws IOException {
		long total = 0;
		int n;
		while (total <= declared && (n = in.read(buffer, 0, (int) Math.min(buffer.length, declared - total + 1))) > 0) {
			total += n;
		}
		return total;
	}

	private static Verdict verdict(String type, Set<String> names, List<String> contentTypes) {
		String mainPart = OOXML_MAIN_PART.get(type);
		if (mainPart != null) {
			boolean macros = names.stream()
				.anyMatch((n) -> n.endsWith("vbaproject.bin") || n.startsWith("xl/macrosheets/"))
					|| contentTypes.stream().anyMatch((t) -> MACRO_CONTENT_TYPES.stream().anyMatch(t::contains));
			if (macros) {
				return Verdict.MACROS;
			}
			return (names.contains(CONTENT_TYPES) && names.contains(mainPart)) ? Verdict.TAKEN : Verdict.WRONG_TYPE;
		}
		return names.stream().anyMatch(ZipPackages::isOpenDocumentMacro) ? Verdict.MACROS : Verdict.TAKEN;
	}

	/** A Basic module (not a library's index) or a script in any language. */
	private static boolean isOpenDocumentMacro(String name) {
		if (name.endsWith("/")) {
			return false;
		}
		if (name.startsWith("basic/")) {
			return !ODF_LIBRARY_FILES.contains(name.substring(name.lastIndexOf('/') + 1));
		}
		return name.startsWith("scripts/");
	}

	/** Adds the content types the package declares, lower case; false if not XML. */
	private static boolean readContentTypes(byte[] xml, List<String> types) {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT) {
						String contentType = reader.getAttributeValue(null, "ContentType");
						if (contentType != null) {
							types.add(contentType.toLowerCase(Locale.ROOT));
						}
					}
				}
				return true;
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			return false;
		}
	}

}
