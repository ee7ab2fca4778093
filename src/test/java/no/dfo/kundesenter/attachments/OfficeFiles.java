package no.dfo.kundesenter.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Office and OpenDocument files built in code: clean ones, ones with macros (also under a
 * harmless name), and ZIP bombs. The ZIP writer is our own so that a test can declare
 * sizes that lie, as a hostile file would.
 */
public final class OfficeFiles {

	public static final int MIB = 1024 * 1024;

	private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>";

	private OfficeFiles() {
	}

	/** A Word document with the parts Word needs. */
	public static byte[] docx() {
		return zip(true, contentTypes("/word/document.xml", DOCX_MAIN), entry("_rels/.rels", RELS),
				entry("word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>"));
	}

	/** A macro-enabled Word document (.docm) as Word saves it. */
	public static byte[] docm() {
		return zip(true,
				contentTypes("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", "bin",
						"application/vnd.ms-office.vbaProject"),
				entry("_rels/.rels", RELS), entry("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"),
				entry("word/vbaProject.bin", "Attribute VB_Name = \"ThisDocument\""));
	}

	/**
	 * A Word document whose content types say nothing of macros, but with a VBA project.
	 */
	public static byte[] docxWithVbaProjectPart() {
		return zip(true, contentTypes("/word/document.xml", DOCX_MAIN), entry("_rels/.rels", RELS),
				entry("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"),
				entry("word/vbaProject.bin", "Attribute VB_Name = \"ThisDocument\""));
	}

	/** An Excel workbook with the parts Excel needs. */
	public static byte[] xlsx() {
		return zip(true, contentTypes("/xl/workbook.xml", XLSX_MAIN), entry("_rels/.rels", RELS),
				entry("xl/workbook.xml", "<workbook xmlns=\"urn:x\"/>"));
	}

	/** A macro-enabled workbook (.xlsm) as Excel saves it. */
	public static byte[] xlsm() {
		return zip(true,
				contentTypes("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", "bin",
						"application/vnd.ms-office.vbaProject"),
				entry("_rels/.rels", RELS), entry("xl/workbook.xml", "<workbook xmlns=\"urn:x\"/>"),
				entry("xl/vbaProject.bin", "Attribute VB_Name = \"ThisWorkbook\""));
	}

	/**
	 * A workbook whose VBA project is a part under another name, known only by its
	 * content type (written with a character reference, as XML allows).
	 */
	public static byte[] xlsxWithDisguisedVbaProject() {
		String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + XLSX_MAIN + "\"/>"
				+ "<Override PartName=\"/xl/data.dat\" ContentType=\"application/vnd.ms-office.&#118;baProject\"/>"
				+ "</Types>";
		return zip(true, entry("[Content_Types].xml", types), entry("_rels/.rels", RELS),
				entry("xl/workbook.xml", "<workbook xmlns=\"urn:x\"/>"),
				entry("xl/data.dat", "Attribute VB_Name = \"ThisWorkbook\""));
	}

	/** An OpenDocument text, with or without a Basic module. */
	public static byte[] odt(boolean basicMacro) {
		List<Entry> entries = new ArrayList<>(List.of(stored("mimetype", "application/vnd.oasis.opendocument.text"),
				entry("content.xml", "<office:document-content xmlns:office=\"urn:o\"/>"),
				entry("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:m\"/>")));
		if (basicMacro) {
			entries.add(entry("Basic/script-lc.xml", "<library:libraries xmlns:library=\"urn:l\"/>"));
			entries.add(entry("Basic/Standard/script-lb.xml", "<library:library xmlns:library=\"urn:l\"/>"));
			entries.add(entry("Basic/Standard/Module1.xml",
					"<script:module xmlns:script=\"urn:s\">Sub Main\nShell(\"calc\")\nEnd Sub</script:module>"));
		}
		return zip(true, entries.toArray(Entry[]::new));
	}

	/** An OpenDocument spreadsheet with a Python script inside. */
	public static byte[] odsWithPythonScript() {
		return zip(true, stored("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
				entry("content.xml", "<office:document-content xmlns:office=\"urn:o\"/>"),
				entry("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:m\"/>"),
				entry("Scripts/python/makro.py", "import os\nos.system('calc')\n"));
	}

	/**
	 * A Word document whose ZIP entries inflate to the given number of mebibytes of zeros
	 * in all, in entries of at most 1 GiB, placed before the parts Word needs.
	 * @param honestSizes whether the headers declare the sizes the entries inflate to
	 */
	public static byte[] docxOfZeros(int mebibytes, boolean honestSizes) {
		List<Entry> entries = new ArrayList<>();
		for (int left = mebibytes, i = 1; left > 0; left -= 1024, i++) {
			entries.add(zeros("word/media/image" + i + ".png", Math.min(left, 1024)));
		}
		entries.add(contentTypes("/word/document.xml", DOCX_MAIN));
		entries.add(entry("_rels/.rels", RELS));
		entries.add(entry("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"));
		return zip(honestSizes, entries.toArray(Entry[]::new));
	}

	/** A legacy Word document (OLE2), with or without a VBA storage. */
	public static byte[] doc(boolean macros) {
		return ole2("WordDocument", macros ? "Macros" : null);
	}

	/** A legacy Excel workbook (OLE2), with or without a VBA storage. */
	public static byte[] xls(boolean macros) {
		return ole2("Workbook", macros ? "_VBA_PROJECT_CUR" : null);
	}

	private static byte[] ole2(String mainStream, String vbaStorage) {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), mainStream);
			if (vbaStorage != null) {
				DirectoryEntry vba = fs.getRoot().createDirectory(vbaStorage).createDirectory("VBA");
				vba.createDocument("dir", new java.io.ByteArrayInputStream(new byte[512]));
			}
			var bytes = new ByteArrayOutputStream();
			fs.writeFilesystem(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One entry of a hand-built ZIP: its data as stored and what it stands for. */
	public record Entry(String name, int method, byte[] data, long size, long crc) {
	}

	public static Entry contentTypes(String mainPart, String mainType, String... defaults) {
		StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
		for (int i = 0; i < defaults.length; i += 2) {
			types.append("<Default Extension=\"")
				.append(defaults[i])
				.append("\" ContentType=\"")
				.append(defaults[i + 1])
				.append("\"/>");
		}
		types.append("<Override PartName=\"").append(mainPart).append("\" ContentType=\"").append(mainType);
		types.append("\"/></Types>");
		return entry("[Content_Types].xml", types.toString());
	}

	public static Entry entry(String name, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		deflater.setInput(bytes);
		return new Entry(name, 8, finished(deflater), bytes.length, crc(bytes));
	}

	public static Entry stored(String name, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
		return new Entry(name, 0, bytes, bytes.length, crc(bytes));
	}

	/**
	 * Mebibytes of zeros, deflated in milliseconds: once the window holds only zeros, one
	 * flushed block that inflates to 1 MiB can simply be repeated.
	 */
	public static Entry zeros(String name, int mebibytes) {
		byte[] mib = new byte[MIB];
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		byte[] first = flushed(deflater, mib);
		byte[] next = flushed(deflater, mib);
		byte[] last = finished(deflater);
		var out = new ByteArrayOutputStream(first.length + next.length * mebibytes + last.length);
		out.writeBytes(first);
		CRC32 crc = new CRC32();
		crc.update(mib);
		for (int i = 1; i < mebibytes; i++) {
			out.writeBytes(next);
			crc.update(mib);
		}
		out.writeBytes(last);
		return new Entry(name, 8, out.toByteArray(), (long) mebibytes * MIB, crc.getValue());
	}

	private static byte[] flushed(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		var out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length);
		return out.toByteArray();
	}

	private static byte[] finished(Deflater deflater) {
		deflater.finish();
		var out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	/**
	 * A ZIP of the entries, in order.
	 * @param honestSizes false to declare 1 kB as each entry's inflated size in both
	 * headers
	 */
	public static byte[] zip(boolean honestSizes, Entry... entries) {
		var out = new ByteArrayOutputStream();
		var central = new ByteArrayOutputStream();
		for (Entry e : entries) {
			byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
			long size = honestSizes ? e.size() : Math.min(e.size(), 1024);
			int offset = out.size();
			out.writeBytes(le(30).putInt(0x04034b50)
				.putShort((short) 20)
				.putShort((short) 0x0800)
				.putShort((short) e.method())
				.putInt(0)
				.putInt((int) e.crc())
				.putInt(e.data().length)
				.putInt((int) size)
				.putShort((short) name.length)
				.putShort((short) 0)
				.array());
			out.writeBytes(name);
			out.writeBytes(e.data());
			central.writeBytes(le(46).putInt(0x02014b50)
				.putShort((short) 20)
				.putShort((short) 20)
				.putShort((short) 0x0800)
				.putShort((short) e.method())
				.putInt(0)
				.putInt((int) e.crc())
				.putInt(e.data().length)
				.putInt((int) size)
				.putShort((short) name.length)
				.putShort((short) 0)
				.putShort((short) 0)
				.putShort((short) 0)
				.putShort((short) 0)
				.putInt(0)
				.putInt(offset)
				.array());
			central.writeBytes(name);
		}
		int centralOffset = out.size();
		out.writeBytes(central.toByteArray());
		out.writeBytes(le(22).putInt(0x06054b50)
			.putShort((short) 0)
			.putShort((short) 0)
			.putShort((short) entries.length)
			.putShort((short) entries.length)
			.putInt(central.size())
			.putInt(centralOffset)
			.putShort((short) 0)
			.array());
		return out.toByteArray();
	}

	private static ByteBuffer le(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static long crc(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

}
