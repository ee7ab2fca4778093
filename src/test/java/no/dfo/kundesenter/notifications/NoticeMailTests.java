package no.dfo.kundesenter.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices through a real SMTP server (GreenMail, in-process). Other tests' notices may
 * reach the same server, so every assertion looks only at mails about its own case.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "portal.notifications.sending-enabled=true",
		"portal.notifications.batch-window=1500ms", "portal.notifications.poll-interval=100ms",
		"portal.notifications.first-retry=200ms", "portal.notifications.max-retry-interval=400ms",
		"portal.notifications.max-attempts=40", "portal.notifications.base-url=https://kundesenter.test/" })
@AutoConfigureMockMvc
class NoticeMailTests {

	private static final int PORT = freePort();

	private static final Duration WINDOW = Duration.ofMillis(1500);

	private static GreenMail smtp;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> PORT);
	}

	@BeforeAll
	static void startMailServer() {
		smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterEach
	void mailServerRunsAgain() {
		if (!smtp.isRunning()) {
			startMailServer();
		}
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@Test
	void aPublicReplySendsTheReporterOneMailThatItHasAnAnswer() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		reply(id, "Lønnen er rettet", null);
		MimeMessage mail = theOneMailAbout(id);
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("kari.nordmann@testetaten.no");
		assertThat(text(mail)).contains("Saken din med saksnummer " + id + " har fått svar.")
			.contains("https://kundesenter.test/saker/" + id);
		// Replies thread by it, bounces find the notice by it.
		assertThat(mail.getMessageID())
			.matches("<kundesenter\\.notice\\.\\d+\\.case\\." + id + "@kundesenter\\.example>");
	}

	@ParameterizedTest(name = "setting {0} sends one mail that says \"{1}\"")
	@CsvSource({ "WAITING_FOR_CUSTOMER, venter på svar fra deg", "CLOSED, er avsluttet" })
	void aNoticedStatusAloneSendsOneMail(CaseStatus status, String words) throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		this.conversation.respond(id, new Response(null, false, status, this.fixtures.version(id)), siri());
		assertThat(text(theOneMailAbout(id))).contains("Saken din med saksnummer " + id + " " + words + ".");
	}

	@Test
	void postponingWithItsReasonSendsOneMailForBoth() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		reply(id, "Vi venter på lønnskjøringen", CaseStatus.POSTPONED);
		assertThat(text(theOneMailAbout(id))).contains("har fått svar og er utsatt.");
	}

	@Test
	void internalNotesCustomerMessagesAndOtherStatusesSendNoMail() {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		this.conversation.respond(id, new Response("Internt: sjekk A-meldingen", true, null, this.fixtures.version(id)),
				siri());
		this.conversation.respond(id, new Response(null, false, CaseStatus.IN_PROGRESS, this.fixtures.version(id)),
				siri());
		this.conversation.postCustomerMessage(id, "Har dere sett på den?", this.fixtures.user("kari"));
		await().during(WINDOW.plusMillis(700))
			.atMost(WINDOW.plusSeconds(3))
			.untilAsserted(() -> assertThat(mailsAbout(id)).isEmpty());
		assertThat(this.jdbc.queryForObject("select count(*) from notice where case_id = ?", Integer.class, id))
			.isZero();
	}

	@Test
	void theMailHasNoCaseSubjectMessageTextOrCaseworkerNameAnywhere() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		this.jdbc.update("update support_case set subject = ? where id = ?", "Sykepenger Ola Hemmelig", id);
		reply(id, "Trekket på 4 321 kroner er tilbakebetalt", CaseStatus.CLOSED);
		MimeMessage mail = theOneMailAbout(id);
		String raw = GreenMailUtil.getWholeMessage(mail);
		String decoded = mail.getSubject() + "\n" + text(mail);
		assertThat(decoded).contains("Nytt i sak " + id, "har fått svar og er avsluttet",
				"https://kundesenter.test/saker/" + id);
		for (String secret : List.of("Sykepenger", "Hemmelig", "Trekket", "4 321", "tilbakebetalt", "Siri",
				"Saksbehandler")) {
			assertThat(raw).doesNotContainIgnoringCase(secret);
			assertThat(decoded).doesNotContainIgnoringCase(secret);
		}
	}

	@Test
	void aReplyPostedWhileTheMailServerIsDownIsSavedAndMailedExactlyOnceWhenItIsBack() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		smtp.stop();
		this.mvc
			.perform(post("/saker/" + id + "/meldinger").param("body", "Svar mens e-posten er nede")
				.param("visibility", "offentlig")
				.param("version", Long.toString(this.fixtures.version(id)))
				.with(user(this.users.loadUserByUsername("siri")))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.messages(id)).isEqualTo(2);
		await().atMost(WINDOW.plusSeconds(5))
			.until(() -> this.jdbc.queryForObject(
					"select coalesce(max(attempts), 0) from notice where case_id = ? and status in ('PENDING', 'SENDING')",
					Integer.class, id) >= 2);
		startMailServer();
		assertThat(text(theOneMailAbout(id))).contains("har fått svar");
	}

	@Test
	void severalEventsWithinTheWindowGoOutAsOneMail() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		reply(id, "Første svar", null);
		reply(id, "Andre svar", null);
		this.conversation.respond(id, new Response(null, false, CaseStatus.CLOSED, this.fixtures.version(id)), siri());
		assertThat(text(theOneMailAbout(id)))
			.contains("Saken din med saksnummer " + id + " har fått svar og er avsluttet.");
	}

	@Test
	void aMalformedAddressIsMarkedFailedAndShownToCaseworkersOnly() throws Exception {
		long reporter = newReporterWithEmail("ikke-en-adresse");
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		this.jdbc.update("update support_case set reporter_id = ? where id = ?", reporter, id);
		reply(id, "Svar til en uten adresse", null);
		await().atMost(WINDOW.plusSeconds(5))
			.until(() -> "INVALID_ADDRESS".equals(this.jdbc.queryForObject(
					"select max(failure) from notice where case_id = ? and status = 'FAILED'", String.class, id)));
		assertThat(mailsAbout(id)).isEmpty();
		this.mvc.perform(get("/saker/" + id).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Varsel kunne ikke sendes")))
			.andExpect(content().string(containsString("e-postadressen er ugyldig")));
		// lise (fagbruker lønn at the same agency) sees the case, not the notice trouble
		this.mvc.perform(get("/saker/" + id).with(user(this.users.loadUserByUsername("lise"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Varsel kunne ikke sendes"))));
	}

	@Test
	void aNoticeLeftBehindByANodeThatDiedWhileSendingIsSentOnceItsClaimTimedOut() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.CLOSED);
		long kari = this.fixtures.user("kari").id();
		this.jdbc.update("""
				insert into notice (case_id, recipient_id, kinds, status, created_at, next_attempt_at, attempts)
				values (?, ?, array['CLOSED'], 'SENDING', now() - interval '10 minutes', now() - interval '1 second', 1)
				""", id, kari);
		assertThat(text(theOneMailAbout(id))).contains("er avsluttet");
	}

	@Test
	void theDemoMailboxIsNotThereWhenAMailServerIsConfigured() throws Exception {
		this.mvc.perform(get("/demo/epost").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound());
	}

	private void reply(long id, String body, CaseStatus status) {
		this.conversation.respond(id, new Response(body, false, status, this.fixtures.version(id)), siri());
	}

	private PortalUser siri() {
		return this.fixtures.user("siri");
	}

	private long newReporterWithEmail(String email) {
		long kari = this.fixtures.user("kari").organizationId();
		Long id = this.jdbc.queryForObject("""
				insert into app_user (username, full_name, email, organization_id, enabled)
				values (?, 'Uten Adresse', ?, ?, true) returning id
				""", Long.class, "uten-" + UUID.randomUUID(), email, kari);
		this.jdbc.update("insert into user_role (user_id, role) values (?, 'REPORTER')", id);
		return id;
	}

	/**
	 * Waits for the mail about the case, then makes sure no second one follows.
	 */
	private MimeMessage theOneMailAbout(long id) {
		await().atMost(WINDOW.plusSeconds(5)).until(() -> !mailsAbout(id).isEmpty());
		await().during(Duration.ofMillis(700))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(mailsAbout(id)).hasSize(1));
		return mailsAbout(id).get(0);
	}

	private static List<MimeMessage> mailsAbout(long id) {
		if (!smtp.isRunning()) {
			return List.of();
		}
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				if (message.getSubject().startsWith("Nytt i sak " + id + " ")) {
					found.add(message);
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/**
	 * Every decoded text part (plain and HTML).
	 */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				all.append(text(body)).append('\n');
			}
			return all.toString();
		}
		Object content = part.getContent();
		return (content instanceof String s) ? s : "";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
