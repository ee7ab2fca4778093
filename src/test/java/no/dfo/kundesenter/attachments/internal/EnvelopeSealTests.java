package no.dfo.kundesenter.attachments.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvelopeSealTests {

	private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String NEW_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	private static final byte[] MAIL = "Subject: Sykmelding\r\n\r\nFødselsnummer 01017012345, diagnose ..."
		.getBytes(StandardCharsets.UTF_8);

	private final EnvelopeSeal seal = new EnvelopeSeal(new ContentCipher("old", Map.of("old", OLD_KEY)));

	@Test
	void sealedContentOpensToTheSameBytesAndHoldsNoneOfThemInTheClear() {
		byte[] sealed = this.seal.seal(MAIL);

		assertThat(this.seal.open(sealed)).isEqualTo(MAIL);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sykmelding", "01017012345");
		assertThat(this.seal.seal(MAIL)).isNotEqualTo(sealed);
	}

	@Test
	void contentSealedUnderAnOlderKeyOpensWhileThatKeyIsConfigured() {
		byte[] sealed = this.seal.seal(MAIL);
		var rotated = new EnvelopeSeal(new ContentCipher("new", Map.of("old", OLD_KEY, "new", NEW_KEY)));
		var oldKeyRemoved = new EnvelopeSeal(new ContentCipher("new", Map.of("new", NEW_KEY)));

		assertThat(rotated.open(sealed)).isEqualTo(MAIL);
		assertThatIllegalArgumentException().isThrownBy(() -> oldKeyRemoved.open(sealed));
	}

	@Test
	void alteredCutOrForeignBytesAreRefused() {
		byte[] sealed = this.seal.seal(MAIL);
		byte[] altered = sealed.clone();
		altered[altered.length - 20] ^= 1;
		byte[] cut = java.util.Arrays.copyOf(sealed, sealed.length - 1);

		assertThatIllegalArgumentException().isThrownBy(() -> this.seal.open(altered));
		assertThatIllegalArgumentException().isThrownBy(() -> this.seal.open(cut));
		assertThatIllegalArgumentException().isThrownBy(() -> this.seal.open(MAIL));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.seal.open(new byte[] { 1, (byte) 0xff, (byte) 0xff }));
		assertThatIllegalArgumentException().isThrownBy(() -> this.seal.open(new byte[0]));
	}

	@Test
	void emptyContentIsSealedToo() {
		assertThat(this.seal.open(this.seal.seal(new byte[0]))).isEmpty();
	}

}
