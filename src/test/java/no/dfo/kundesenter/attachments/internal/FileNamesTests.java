package no.dfo.kundesenter.attachments.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@ParameterizedTest(name = "''{0}'' -> ''{1}''")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Sykemelding Ærlig Øvre.pdf       | Sykemelding Ærlig Øvre.pdf
			../../etc/passwd                 | passwd
			C:\\Users\\kari\\lønn mars.xlsx  | lønn mars.xlsx
			"faktura\nmars.pdf"              | fakturamars.pdf
			"faktura\r\n.pdf"                | faktura.pdf
			"rapport\u202Efdp.exe"           | rapportfdp.exe
			..                               | vedlegg
			"  "                             | vedlegg
			"a/b/"                           | vedlegg
			""")
	void namesLoseFoldersAndControlCharactersButKeepSpacesAndNorwegianLetters(String sent, String expected) {
		assertThat(FileNames.clean(sent)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "A\u030Arstall.pdf, Årstall.pdf" })
	void decomposedLettersAreStoredComposed(String sent, String expected) {
		assertThat(FileNames.clean(sent)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void veryLongNamesAreShortenedKeepingTheExtension() {
		String cleaned = FileNames.clean("x".repeat(500) + ".pdf");
		assertThat(cleaned).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
	}

	@org.junit.jupiter.api.Test
	void aMissingNameGetsAPlainOne() {
		assertThat(FileNames.clean(null)).isEqualTo("vedlegg");
	}

}
