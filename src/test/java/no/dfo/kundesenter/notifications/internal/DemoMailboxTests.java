package no.dfo.kundesenter.notifications.internal;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo profile without a mail server keeps notices in memory and lists them. The
 * notice job is not scheduled in tests; this test runs it by hand.
 */
@SpringBootTest(properties = { "spring.mail.host=", "portal.notifications.batch-window=0s",
		"portal.notifications.base-url=http://localhost:8087" })
@AutoConfigureMockMvc
class DemoMailboxTests {

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	NoticeSender sender;

	@Autowired
	DemoMailbox mailbox;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aReplysNoticeIsListedWithItsLinkOnTheDemoMailPage() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.ACCOUNTING, CaseStatus.IN_PROGRESS);
		this.conversation.respond(id, new Response("Bilaget er bokført", false, null, this.fixtures.version(id)),
				this.fixtures.user("sverre"));
		await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
			this.sender.sendDue();
			assertThat(this.mailbox.mails()).anySatisfy((mail) -> assertThat(mail.link()).endsWith("/saker/" + id));
		});
		this.mvc.perform(get("/demo/epost").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"http://localhost:8087/saker/" + id + "\"")))
			.andExpect(content().string(containsString("Saken din med saksnummer " + id + " har fått svar.")));
	}

	@Test
	void theDemoMailPageIsForSignedInPeopleOnly() throws Exception {
		this.mvc.perform(get("/demo/epost")).andExpect(status().is3xxRedirection());
	}

}
