package no.dfo.kundesenter.access;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What the portal accepts as a person's e-mail address: one plain address
 * ({@code name@domain.tld}), no display name, no list, at most 254 characters.
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	private EmailAddress() {
	}

	public static boolean isWellFormed(String address) {
		if (address.isEmpty() || address.length() > MAX_LENGTH || !address.equals(address.strip())) {
			return false;
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			String plain = parsed.getAddress();
			int at = plain.indexOf('@');
			return plain.equals(address) && at > 0 && plain.indexOf('.', at) > at + 1 && !plain.endsWith(".");
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
