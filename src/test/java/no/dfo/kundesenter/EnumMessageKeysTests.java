package no.dfo.kundesenter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.AuthorSide;
import no.dfo.kundesenter.cases.listing.CaseListScope;
import no.dfo.kundesenter.web.RescuedForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the templates build from an enum's constants ({@code #{'status.' + ${c.status}}})
 * cannot be checked in the templates themselves: every constant of such an enum has its
 * text. That each language has the same keys is {@code MessageBundleTests}'s part.
 */
class EnumMessageKeysTests {

	private static Set<String> keys() throws IOException {
		Properties application = new Properties();
		try (InputStream in = EnumMessageKeysTests.class.getResourceAsStream("/application.properties")) {
			application.load(in);
		}
		Set<String> keys = new HashSet<>();
		for (String basename : application.getProperty("spring.messages.basename").split(",")) {
			Properties bundle = new Properties();
			try (InputStream in = EnumMessageKeysTests.class
				.getResourceAsStream("/" + basename.strip() + ".properties")) {
				bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			keys.addAll(bundle.stringPropertyNames());
		}
		return keys;
	}

	private static List<String> wanted(String prefix, Enum<?>[] constants, String suffix) {
		return Arrays.stream(constants).map((constant) -> prefix + constant.name() + suffix).toList();
	}

	@Test
	void everyConstantShownOnAPageHasItsText() throws Exception {
		List<String> wanted = new ArrayList<>();
		wanted.addAll(wanted("role.", Role.values(), ""));
		wanted.addAll(wanted("role.", Role.values(), ".explained"));
		wanted.addAll(wanted("status.", CaseStatus.values(), ""));
		wanted.addAll(wanted("category.", Category.values(), ""));
		wanted.addAll(wanted("channel.", Channel.values(), ""));
		wanted.addAll(wanted("audit.action.", AuditAction.values(), ""));
		wanted.addAll(wanted("authorSide.", AuthorSide.values(), ""));
		wanted.addAll(wanted("form.rescued.", RescuedForm.Reason.values(), ""));
		wanted.addAll(wanted("cases.list.title.", CaseListScope.values(), ""));
		wanted.addAll(wanted("cases.list.intro.", CaseListScope.values(), ""));
		Class<?> noticeKinds = Class.forName("no.dfo.kundesenter.notifications.internal.NoticeKind");
		wanted.addAll(wanted("notice.kind.", (Enum<?>[]) noticeKinds.getEnumConstants(), ""));
		for (String status : List.of("PENDING", "APPROVED", "REJECTED")) {
			wanted.add("access.status." + status);
		}
		for (String change : List.of("GRANTED", "REVOKED")) {
			wanted.add("access.change." + change);
		}
		Set<String> keys = keys();
		assertThat(wanted).allSatisfy((key) -> assertThat(keys).as("a text for " + key).contains(key));
	}

}
