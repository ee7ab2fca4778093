package no.dfo.kundesenter.notifications;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Message-IDs of the portal's own mails: notices and receipts name their case (and a
 * notice itself), so a reply threads by In-Reply-To or References and a bounce finds its
 * notice. The portal's own Message-IDs start with {@code <kundesenter.}.
 */
public final class MailIds {

	private static final Pattern CASE = Pattern.compile("<kundesenter\\.[a-z]+\\.[0-9a-f-]+\\.case\\.(\\d{1,18})@",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NOTICE = Pattern.compile("<kundesenter\\.notice\\.(\\d{1,18})\\.case\\.\\d{1,18}@",
			Pattern.CASE_INSENSITIVE);

	private MailIds() {
	}

	public static String notice(long noticeId, long caseId, String fromAddress) {
		return "<kundesenter.notice." + noticeId + ".case." + caseId + "@" + domainOf(fromAddress) + ">";
	}

	public static String receipt(long caseId, String fromAddress) {
		return "<kundesenter.receipt." + UUID.randomUUID() + ".case." + caseId + "@" + domainOf(fromAddress) + ">";
	}

	/** Any other mail of the portal's own (a confirmation of an address). */
	public static String other(String fromAddress) {
		return "<kundesenter.mail." + UUID.randomUUID() + "@" + domainOf(fromAddress) + ">";
	}

	/** Whether a Message-ID is one the portal gave. */
	public static boolean isOwn(@Nullable String messageId) {
		return messageId != null && messageId.strip().toLowerCase().startsWith("<kundesenter.");
	}

	/** The case named by the last of the portal's Message-IDs in a header. */
	public static OptionalLong caseIn(@Nullable String header) {
		return last(CASE, header);
	}

	/** The notice named by a Message-ID of the portal's anywhere in the text. */
	public static OptionalLong noticeIn(@Nullable String text) {
		return last(NOTICE, text);
	}

	private static OptionalLong last(Pattern pattern, @Nullable String text) {
		if (text == null) {
			return OptionalLong.empty();
		}
		Matcher m = pattern.matcher(text);
		OptionalLong found = OptionalLong.empty();
		while (m.find()) {
			found = OptionalLong.of(Long.parseLong(m.group(1)));
		}
		return found;
	}

	static String domainOf(String address) {
		String a = address.strip();
		int lt = a.lastIndexOf('<');
		if (lt >= 0) {
			a = a.substring(lt + 1);
		}
		a = a.replace(">", "");
		int at = a.lastIndexOf('@');
		String domain = (at < 0) ? "" : a.substring(at + 1).strip();
		return domain.matches("[A-Za-z0-9.-]+") ? domain : "kundesenter.invalid";
	}

}
