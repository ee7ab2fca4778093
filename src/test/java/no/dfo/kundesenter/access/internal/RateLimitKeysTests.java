package no.dfo.kundesenter.access.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeysTests {

	@Test
	void aUserNameIsKeyedByAHashWhateverItsCaseAndSurroundingSpaces() {
		String key = RateLimitKeys.signInName("kari");
		assertThat(RateLimitKeys.signInName(" Kari ")).isEqualTo(key);
		assertThat(RateLimitKeys.signInName("ola")).isNotEqualTo(key);
		assertThat(key).startsWith("sign-in-name:").doesNotContainIgnoringCase("kari");
		assertThat(RateLimitKeys.signInName("01017012345")).doesNotContain("01017012345");
	}

	@Test
	void anAddressIsKeyedByAHashAndAnIpv6AddressByItsSlash64Network() {
		assertThat(RateLimitKeys.signInAddress("10.0.0.1")).isNotEqualTo(RateLimitKeys.signInAddress("10.0.0.2"))
			.doesNotContain("10.0.0.1");
		assertThat(RateLimitKeys.signInAddress("::ffff:10.0.0.1")).isEqualTo(RateLimitKeys.signInAddress("10.0.0.1"));
		String network = RateLimitKeys.signInAddress("2001:db8:1:2:aaaa::1");
		assertThat(RateLimitKeys.signInAddress("2001:db8:1:2:bbbb:cccc:dddd:9")).isEqualTo(network);
		assertThat(RateLimitKeys.signInAddress("2001:db8:1:3::1")).isNotEqualTo(network);
		assertThat(network).doesNotContain("2001");
	}

}
