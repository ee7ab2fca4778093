package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTests {

	record Sample(String name, byte[] content, String expectedType, boolean allowed) {

		@Override
		public String toString() {
			return this.name + " -> " + this.expectedType + (this.allowed ? " allowed" : " refused");
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theTypeComesFromTheContentAndOnlyListedTypesAreTaken(Sample sample) throws IOException {
		String type = ContentTypes.detect(new ByteArrayInputStream(sample.content()), sample.name());
		assertThat(type).isEqualTo(sample.expectedType());
		assertThat(ContentTypes.isAllowed(type, () -> new ByteArrayInputStream(sample.content())))
			.isEqualTo(sample.allowed());
	}

}
