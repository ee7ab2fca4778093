package no.dfo.kundesenter.access.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The keys of the rate-limit buckets. User names (which may be national identity numbers
 * once single sign-on comes) and addresses are stored only as SHA-256 hashes; person ids
 * are the portal's own numbers and stay readable.
 */
final class RateLimitKeys {

	private static final String HASH_PREFIX = "kundesenter/rate-limit/";

	private RateLimitKeys() {
	}

	/** Failed sign-ins of one user name, whatever its case and surrounding spaces. */
	static String signInName(String username) {
		return "sign-in-name:" + hash("name:" + username.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Failed sign-ins from one address. An IPv6 address counts by its /64 network: one
	 * machine is given a whole network and may send from any address in it.
	 */
	static String signInAddress(String address) {
		return "sign-in-address:" + hash("address:" + network(address));
	}

	static String emailConfirmations(long personId) {
		return "email-confirmations:" + personId;
	}

	static String caseRegistrations(long personId) {
		return "case-registrations:" + personId;
	}

	static String uploadedFiles(long personId) {
		return "upload-files:" + personId;
	}

	static String uploadedBytes(long personId) {
		return "upload-bytes:" + personId;
	}

	static String apiRequests(long organizationId) {
		return "api-requests:" + organizationId;
	}

	static String casesNotFound(long personId) {
		return "cases-not-found:" + personId;
	}

	static String caseEnumerationWarnings(long personId) {
		return "case-enumeration-warnings:" + personId;
	}

	static String network(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal with a colon is parsed, never looked up.
			InetAddress parsed = InetAddress.getByName(address);
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			Arrays.fill(bytes, 8, 16, (byte) 0);
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((HASH_PREFIX + value).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
