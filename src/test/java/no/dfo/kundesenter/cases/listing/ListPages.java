package no.dfo.kundesenter.cases.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the listing's tests share to find their own cases on a page of the shared
 * database.
 */
final class ListPages {

	private static final Pattern CASE_LINK = Pattern.compile("href=\"/saker/(\\d+)\"");

	private static final Random RANDOM = new Random();

	private ListPages() {
	}

	/** A word no other row contains (the stemmer leaves a final q alone). */
	static String token() {
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return word.append('q').toString();
	}

	/** Case ids in the order the page links them, once each. */
	static List<Long> caseIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher m = CASE_LINK.matcher(html);
		while (m.find()) {
			long id = Long.parseLong(m.group(1));
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

}
