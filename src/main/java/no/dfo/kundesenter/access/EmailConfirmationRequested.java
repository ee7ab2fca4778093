package no.dfo.kundesenter.access;

import java.time.Instant;
import java.util.Locale;

/**
 * A person asked for notices at a new address: a mail to that address with the link that
 * confirms it must go out. The link is signed for this person and address and works only
 * while they are signed in.
 *
 * @param userId who asked
 * @param address the address to confirm
 * @param confirmationPath the portal path (with its query) the mail links to
 * @param expiresAt when the link stops working
 * @param language the language the person asked in, which the mail is written in
 */
public record EmailConfirmationRequested(long userId, String address, String confirmationPath, Instant expiresAt,
		Locale language) {

	@Override
	public String toString() {
		return "EmailConfirmationRequested[userId=" + this.userId + "]";
	}

}
