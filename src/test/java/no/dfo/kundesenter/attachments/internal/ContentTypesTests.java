package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import no.dfo.kundesenter.attachments.OfficeFiles;
import no.dfo.kundesenter.attachments.TestFiles;
import no.dfo.kundesenter.attachments.internal.ContentTypes.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTests {

	/** The default of portal.attachments.max-inflated-size. */
	static final long MAX_INFLATED = 100L * 1024 * 1024;

	static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";

	static final String XLSM = "application/vnd.ms-excel.sheet.macroenabled.12";

	record Sample(String name, byte[] content, String expectedType, Verdict verdict) {

		Sample(String name, byte[] content, String expectedType, boolean allowed) {
			this(name, content, expectedType, allowed ? Verdict.TAKEN : Verdict.WRONG_TYPE);
		}

		@Override
		public String toString() {
			return this.name + " -> " + this.expectedType + " " + this.verdict;
		}

	}

	static Sample[] samples() {
		return new Sample[] { new Sample("Sykemelding.pdf", TestFiles.PDF, "application/pdf", true),
				new Sample("Sykemelding uten endelse", TestFiles.PDF, "application/pdf", true),
				new Sample("kvittering.png", TestFiles.PNG, "image/png", true),
				new Sample("kvittering.jpg", TestFiles.PNG, "image/png", true),
				new Sample("notat.txt", TestFiles.TEXT, "text/plain", true),
				new Sample("timer.csv", "dato;timer\n2026-03-01;7,5\n".getBytes(StandardCharsets.UTF_8), "text/csv",
						true),
				new Sample("Lønnsslipp.docx", TestFiles.DOCX, ContentTypes.DOCX, true),
				new Sample("faktura.exe.pdf", TestFiles.EXE, "application/x-msdownload", false),
				new Sample("faktura.pdf", TestFiles.EXE, "application/x-msdownload", false),
				new Sample("side.html", TestFiles.HTML, "text/html", false),
				new Sample("side.txt", TestFiles.HTML, "text/html", false),
				new Sample("arkiv.zip", TestFiles.ZIP, "application/zip", false),
				new Sample("arkiv.docx", TestFiles.ZIP, ContentTypes.DOCX, false),
				new Sample("skript.sh", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "application/x-sh",
						false),
				new Sample("bilde.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
					.getBytes(StandardCharsets.UTF_8), "image/svg+xml", false) };
	}

	static Sample[] documents() {
		return new Sample[] { new Sample("Lønnsslipp.docx", OfficeFiles.docx(), ContentTypes.DOCX, Verdict.TAKEN),
				new Sample("Timeliste.xlsx", OfficeFiles.xlsx(), ContentTypes.XLSX, Verdict.TAKEN),
				new Sample("Notat.odt", OfficeFiles.odt(false), ContentTypes.ODT, Verdict.TAKEN),
				new Sample("Gammel.doc", OfficeFiles.doc(false), "application/msword", Verdict.TAKEN),
				new Sample("Gammel.xls", OfficeFiles.xls(false), "application/vnd.ms-excel", Verdict.TAKEN),
				new Sample("Makro.docm", OfficeFiles.docm(), DOCM, Verdict.MACROS),
				new Sample("Makro.docx", OfficeFiles.docm(), ContentTypes.DOCX, Verdict.MACROS),
				new Sample("Regneark.xlsm", OfficeFiles.xlsm(), XLSM, Verdict.MACROS),
				new Sample("Regneark.xlsx", OfficeFiles.xlsm(), ContentTypes.XLSX, Verdict.MACROS),
				new Sample("Regneark.docx", OfficeFiles.xlsm(), ContentTypes.DOCX, Verdict.MACROS),
				new Sample("VBA-prosjekt.docx", OfficeFiles.docxWithVbaProjectPart(), ContentTypes.DOCX,
						Verdict.MACROS),
				new Sample("Forkledd.xlsx", OfficeFiles.xlsxWithDisguisedVbaProject(), ContentTypes.XLSX,
						Verdict.MACROS),
				new Sample("Basic.odt", OfficeFiles.odt(true), ContentTypes.ODT, Verdict.MACROS),
				new Sample("Python.ods", OfficeFiles.odsWithPythonScript(), ContentTypes.ODS, Verdict.MACROS),
				new Sample("Makro.doc", OfficeFiles.doc(true), "application/msword", Verdict.MACROS),
				new Sample("Makro.xls", OfficeFiles.xls(true), "application/vnd.ms-excel", Verdict.MACROS),
				new Sample("Word-makro.xls", OfficeFiles.doc(true), "application/vnd.ms-excel", Verdict.MACROS) };
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void macrosAreFoundByContentWhateverTheName(Sample sample) throws IOException {
		theTypeComesFromTheContentAndOnlyListedTypesAreTaken(sample);
	}

	@Test
	void aDocumentMayInflateToTheBudgetButNotBeyond() throws IOException {
		assertThat(check("Stor.docx", OfficeFiles.docxOfZeros(99, true))).isEqualTo(Verdict.TAKEN);
		assertThat(check("For stor.docx", OfficeFiles.docxOfZeros(101, true))).isEqualTo(Verdict.INFLATES_TOO_MUCH);
	}

	@Test
	void zipBombsAreRefusedWhetherTheirHeadersTellTheSizesOrNot() throws IOException {
		byte[] fourGibibytes = OfficeFiles.docxOfZeros(4096, true);
		assertThat(fourGibibytes.length).isBetween(4_000_000, 4_500_000);
		assertThat(check("Bombe.docx", fourGibibytes)).isEqualTo(Verdict.INFLATES_TOO_MUCH);
		assertThat(check("Bombe.docx", OfficeFiles.docxOfZeros(1024, true))).isEqualTo(Verdict.INFLATES_TOO_MUCH);
		// Sizes that lie make the file no ZIP that Office would open.
		assertThat(check("Bombe.docx", OfficeFiles.docxOfZeros(1024, false))).isEqualTo(Verdict.WRONG_TYPE);
		assertThat(check("Bombe.odt", OfficeFiles.zip(true, OfficeFiles.stored("mimetype", ContentTypes.ODT),
				OfficeFiles.zeros("content.xml", 1024))))
			.isEqualTo(Verdict.INFLATES_TOO_MUCH);
	}

	@Test
	void aZipOfTooManyEntriesOrOfTheSameNameTwiceIsRefused() throws IOException {
		List<OfficeFiles.Entry> entries = new ArrayList<>(List.of(OfficeFiles.contentTypes("/word/document.xml", "x"),
				OfficeFiles.entry("word/document.xml", "<w/>")));
		while (entries.size() < ZipPackages.MAX_ENTRIES) {
			entries.add(OfficeFiles.entry("word/media/" + entries.size() + ".txt", ""));
		}
		assertThat(check("Mange.docx", OfficeFiles.zip(true, entries.toArray(OfficeFiles.Entry[]::new))))
			.isEqualTo(Verdict.TAKEN);
		entries.add(OfficeFiles.entry("word/media/en til.txt", ""));
		assertThat(check("For mange.docx", OfficeFiles.zip(true, entries.toArray(OfficeFiles.Entry[]::new))))
			.isEqualTo(Verdict.WRONG_TYPE);
		assertThat(check("Dobbel.docx", OfficeFiles.zip(true, OfficeFiles.contentTypes("/word/document.xml", "x"),
				OfficeFiles.entry("word/document.xml", "<w/>"), OfficeFiles.entry("Word/Document.xml", "<w/>"))))
			.isEqualTo(Verdict.WRONG_TYPE);
	}

	private static Verdict check(String name, byte[] content) throws IOException {
		String type = ContentTypes.detect(new ByteArrayInputStream(content), name);
		return ContentTypes.check(type, () -> new ByteArrayInputStream(content), MAX_INFLATED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theTypeComesFromTheContentAndOnlyListedTypesAreTaken(Sample sample) throws IOException {
		String type = ContentTypes.detect(new ByteArrayInputStream(sample.content()), sample.name());
		assertThat(type).isEqualTo(sample.expectedType());
		assertThat(ContentTypes.check(type, () -> new ByteArrayInputStream(sample.content()), MAX_INFLATED))
			.isEqualTo(sample.verdict());
	}

}
