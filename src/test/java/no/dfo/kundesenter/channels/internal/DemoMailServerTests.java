package no.dfo.kundesenter.channels.internal;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo as a newcomer tries it: its own mail server is running, a mail to the lønn
 * mailbox from kari's address becomes kari's case, the form on /demo/epost sends a real
 * mail, and the portal's own mail goes to the same server, where /demo/epost and a mail
 * client read it.
 */
@SpringBootTest(properties = { "portal.demo.mail-server.enabled=true", "portal.demo.mail-server.smtp-port=0",
		"portal.demo.mail-server.imap-port=0", "portal.channels.poll-interval=200ms",
		"portal.notifications.batch-window=0s" })
@AutoConfigureMockMvc
class DemoMailServerTests {

	@Value("${portal.demo.mail-server.smtp-port}")
	int smtp;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aMailToTheLonnMailboxFromKarisAddressIsKarisEmailCaseWithItsPdfAndItsReceiptShowsOnTheDemoMailPage() {
		String kari = this.jdbc.queryForObject("select email from app_user where username = 'kari'", String.class);
		String subject = "Demo " + UUID.randomUUID();
		GreenMailUtil.sendAttachmentEmail("lonn@kundesenter.example", kari, subject, "Se vedlagt lønnsslipp.",
				EmailChannelTests.PDF, "application/pdf", "lonnsslipp.pdf", "",
				new ServerSetup(this.smtp, "127.0.0.1", "smtp"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList("""
					select a.file_name from support_case c join app_user u on u.id = c.reporter_id
					join attachment a on a.case_id = c.id
					where c.subject = ? and c.channel = 'EMAIL' and u.username = 'kari'""", String.class, subject))
				.containsExactly("lonnsslipp.pdf"));
		long caseId = this.jdbc.queryForObject("select id from support_case where subject = ?", Long.class, subject);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/demo/epost").with(user(this.users.loadUserByUsername("kari"))))
				.andExpect(content().string(containsString("Saksnummeret er " + caseId + ".")))
				.andExpect(content().string(containsString("/saker/" + caseId + "\">"))));
	}

	@Test
	void theDemoFormSendsARealMailThatWaitsInTriageWhenTheSenderIsUnknown() throws Exception {
		this.mvc.perform(get("/demo/epost/send").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isOk());
		String subject = "Skjema " + UUID.randomUUID();
		this.mvc
			.perform(post("/demo/epost/send").param("from", "ukjent@nowhere.example")
				.param("mailbox", "PAYROLL")
				.param("subject", subject)
				.param("text", "Hei fra skjemaet")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.jdbc.queryForList("select outcome from received_mail where subject = ?",
							String.class, subject))
						.containsExactly("TRIAGE"));
	}

}
