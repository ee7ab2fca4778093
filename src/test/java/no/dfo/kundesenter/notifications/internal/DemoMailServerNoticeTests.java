package no.dfo.kundesenter.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The demo with its own mail server: a notice waits on /demo/epost with the time it goes
 * out, then goes to the demo's mail server, where /demo/epost and a mail client read it.
 * The notice job is not scheduled in tests; this test runs it by hand. The same settings
 * as {@code DemoMailServerTests}, so both share one application and one mail server.
 */
@SpringBootTest(properties = { "portal.demo.mail-server.enabled=true", "portal.demo.mail-server.smtp-port=0",
		"portal.demo.mail-server.imap-port=0", "portal.channels.poll-interval=200ms",
		"portal.notifications.batch-window=0s" })
@AutoConfigureMockMvc
class DemoMailServerNoticeTests {

	@Value("${portal.demo.mail-server.imap-port}")
	int imap;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	NoticeSender sender;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aNoticeWaitsOnTheDemoMailPageWithItsTimeThenGoesToTheMailServerWhereKariCanReadIt() throws Exception {
		long caseId = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		this.conversation.respond(caseId, new Response("Lønnen er rettet", false, null, this.fixtures.version(caseId)),
				this.fixtures.user("siri"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/demo/epost").with(user(this.users.loadUserByUsername("kari"))))
				.andExpect(content().string(containsString("Varsler som venter")))
				.andExpect(content().string(containsString("<td>" + caseId + "</td>")))
				.andExpect(content().string(containsString("har fått svar"))));

		this.sender.sendDue();

		String kari = this.jdbc.queryForObject("select email from app_user where username = 'kari'", String.class);
		assertThat(subjectsInTheInboxOf(kari)).contains("Nytt i sak " + caseId + " – Kundesenter på nett");
		this.mvc.perform(get("/demo/epost").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(content().string(containsString("Saken din med saksnummer " + caseId + " har fått svar.")))
			.andExpect(content().string(not(containsString("<td>" + caseId + "</td>"))))
			.andExpect(content().string(containsString("port " + this.imap)));
	}

	/** As a mail client reads it: IMAP, the address as user name, any password. */
	private List<String> subjectsInTheInboxOf(String address) throws Exception {
		Properties settings = new Properties();
		settings.setProperty("mail.imap.connectiontimeout", "5000");
		settings.setProperty("mail.imap.timeout", "5000");
		Store store = Session.getInstance(settings).getStore("imap");
		store.connect("127.0.0.1", this.imap, address, "hva-som-helst");
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			List<String> subjects = new ArrayList<>();
			for (Message message : inbox.getMessages()) {
				subjects.add(message.getSubject());
			}
			inbox.close(false);
			return subjects;
		}
		finally {
			store.close();
		}
	}

}
