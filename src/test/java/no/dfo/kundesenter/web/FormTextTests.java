package no.dfo.kundesenter.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormTextTests {

	@Test
	void nulAndOtherControlCharactersAreRemovedButTabsAndLineBreaksKept() {
		assertThat(FormText.clean("Lønn\u0000 for\u0007 mars\u001b[31m\u0085")).isEqualTo("Lønn for mars[31m");
		assertThat(FormText.clean("a\tb\nc")).isEqualTo("a\tb\nc");
	}

	@Test
	void everyLineBreakBecomesALineFeed() {
		assertThat(FormText.clean("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
	}

	@Test
	void unpairedSurrogatesAndNoncharactersAreRemovedButEmojiAndNorwegianKept() {
		assertThat(FormText.clean("a\ud800b\udc00c\uffffd\ufdd0e")).isEqualTo("abcde");
		assertThat(FormText.clean("Blåbær 👍🏽 ÆØÅ")).isEqualTo("Blåbær 👍🏽 ÆØÅ");
	}

	@Test
	void textOfOnlyInvisibleCharactersIsBlank() {
		assertThat(FormText.isBlank("\u200b\u200b\u200b")).isTrue();
		assertThat(FormText.isBlank(" \u00a0\u2060\ufeff\u3000\t")).isTrue();
		assertThat(FormText.isBlank("\u3164")).isTrue();
		assertThat(FormText.isBlank(null)).isTrue();
		assertThat(FormText.isBlank("\u200ba")).isFalse();
	}

	@Test
	void stripRemovesInvisibleCharactersAtBothEnds() {
		assertThat(FormText.strip("\u200b Sykemelding \u00a0\u200d")).isEqualTo("Sykemelding");
		assertThat(FormText.strip("\u200b\u200b")).isEmpty();
	}

	@Test
	void aOneLineFieldTakesLineBreaksAndTabsAsOneSpace() {
		assertThat(FormText.singleLine(" Feil\n\n i\tlønn \u2028mars ")).isEqualTo("Feil i lønn mars");
	}

}
