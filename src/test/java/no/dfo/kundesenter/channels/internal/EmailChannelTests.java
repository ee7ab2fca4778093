package no.dfo.kundesenter.channels.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lønn mailbox on an in-process mail server, read over real IMAP; receipts go out
 * over real SMTP. Every test writes from people of its own, reads the mailbox and looks
 * at its own mails only.
 */
@SpringBootTest(properties = { "portal.channels.fetching-enabled=false",
		"portal.channels.mailboxes.payroll.host=127.0.0.1", "portal.channels.mailboxes.payroll.protocol=imap",
		"portal.channels.mailboxes.payroll.username=" + MailboxTestServer.MAILBOX,
		"portal.channels.mailboxes.payroll.password=" + MailboxTestServer.PASSWORD,
		"portal.channels.mailboxes.payroll.timeout=3s", "portal.channels.new-cases-per-sender-per-hour=3",
		"portal.channels.base-url=https://kundesenter.test/", "spring.mail.host=127.0.0.1" })
@AutoConfigureMockMvc
class EmailChannelTests {

	static final MailboxTestServer server = new MailboxTestServer();

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MailboxReader reader;

	@Autowired
	MailIntake intake;

	@Autowired
	MailboxHealth health;

	@Autowired
	ReceivedMails received;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("portal.channels.mailboxes.payroll.port", () -> server.imapPort);
		registry.add("spring.mail.port", () -> server.smtpPort);
	}

	@AfterEach
	void mailServerRunsAgain() {
		if (!server.isRunning()) {
			server.start();
		}
	}

	@AfterAll
	static void stopMailServer() {
		server.stop();
	}

	@Test
	void aMailFromAKnownPersonOverSmtpBecomesTheirEmailCaseWithItsPdfAndAContentFreeReceipt() throws Exception {
		String person = agencyPerson();
		GreenMailUtil.sendAttachmentEmail(MailboxTestServer.MAILBOX, address(person), "Feil i lønn for mars",
				"Hei, trekket er feil.", PDF, "application/pdf", "lonnsslipp.pdf", "Lønnsslipp", server.smtp());
		read();
		List<Long> cases = casesOf(person);
		assertThat(cases).hasSize(1);
		long caseId = cases.get(0);
		assertThat(this.jdbc.queryForMap("select channel, category, subject, status from support_case where id = ?",
				caseId))
			.containsEntry("channel", "EMAIL")
			.containsEntry("category", "PAYROLL")
			.containsEntry("subject", "Feil i lønn for mars")
			.containsEntry("status", "ACTIVE");
		assertThat(firstMessage(caseId)).contains("trekket er feil");
		assertThat(this.jdbc.queryForList("select file_name from attachment where case_id = ?", String.class, caseId))
			.containsExactly("lonnsslipp.pdf");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where case_id = ? and action = 'CASE_REGISTERED' and actor_id is null",
				Integer.class, caseId))
			.isEqualTo(1);
		List<MimeMessage> receipts = server.receivedBy(address(person));
		assertThat(receipts).hasSize(1);
		MimeMessage receipt = receipts.get(0);
		assertThat(receipt.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
		assertThat(receipt.getSubject()).contains(String.valueOf(caseId));
		assertThat(receipt.getContent().toString()).contains("Saksnummeret er " + caseId)
			.contains("https://kundesenter.test/saker/" + caseId)
			.doesNotContain("trekket");
		assertThat(server.count("INBOX")).isZero();
	}

	@Test
	void aReplyWithTheCaseNumberInTheSubjectIsAMessageOnThatCaseAndReopensIt() throws Exception {
		String person = agencyPerson();
		long caseId = this.fixtures.caseOf(person, Category.PAYROLL, CaseStatus.CLOSED);
		server.deliver(
				mail(address(person), "SV: Nytt i sak " + caseId + " – Kundesenter på nett", "Det er fortsatt feil."));
		read();
		assertThat(casesOf(person)).containsExactly(caseId);
		assertThat(this.fixtures.messages(caseId)).isEqualTo(2);
		assertThat(this.fixtures.status(caseId)).isEqualTo(CaseStatus.ACTIVE);
		assertThat(server.receivedBy(address(person))).isEmpty();
	}

	@Test
	void aReplyReferringToANoticesMessageIdIsAMessageOnThatCase() throws Exception {
		String person = agencyPerson();
		long caseId = this.fixtures.caseOf(person, Category.PAYROLL, CaseStatus.WAITING_FOR_CUSTOMER);
		server.deliver(mail(address(person), "Svar", "Her er opplysningene.",
				"In-Reply-To: <kundesenter.notice.7.case." + caseId + "@kundesenter.example>",
				"References: <other@example.org> <kundesenter.notice.7.case." + caseId + "@kundesenter.example>"));
		read();
		assertThat(casesOf(person)).containsExactly(caseId);
		assertThat(this.fixtures.messages(caseId)).isEqualTo(2);
		assertThat(this.fixtures.status(caseId)).isEqualTo(CaseStatus.ACTIVE);
	}

	@Test
	void aReplyToACaseTheSenderMayNotSeeBecomesANewCaseOfTheirOwn() throws Exception {
		String owner = agencyPerson();
		long caseId = this.fixtures.caseOf(owner, Category.PAYROLL, CaseStatus.CLOSED);
		String stranger = agencyPerson();
		server.deliver(mail(address(stranger), "SV: Nytt i sak " + caseId, "Jeg vil se denne saken.",
				"References: <kundesenter.notice.1.case." + caseId + "@kundesenter.example>"));
		read();
		assertThat(this.fixtures.messages(caseId)).isEqualTo(1);
		assertThat(this.fixtures.status(caseId)).isEqualTo(CaseStatus.CLOSED);
		assertThat(casesOf(stranger)).hasSize(1).doesNotContain(caseId);
	}

	@Test
	void aMailFromAnUnknownSenderWaitsInTriageForCaseworkersOnlyAndBecomesTheLinkedPersonsCase() throws Exception {
		String subject = "Ukjent " + UUID.randomUUID();
		server.deliver(withPdf("ukjent-" + UUID.randomUUID() + "@nowhere.example", subject, "Hjelp med lønn."));
		read();
		Long mailId = this.jdbc.queryForObject("select id from received_mail where subject = ? and outcome = 'TRIAGE'",
				Long.class, subject);
		assertThat(
				this.jdbc.queryForObject("select count(*) from support_case where subject = ?", Integer.class, subject))
			.isZero();
		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(subject)));
		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/saksbehandling/innboks/" + mailId).with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/saksbehandling/innboks/" + mailId).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hjelp med lønn.")))
			.andExpect(content().string(containsString("faktura.pdf")));

		String person = agencyPerson();
		this.mvc
			.perform(post("/saksbehandling/innboks/" + mailId + "/kobling").param("email", "nobody@nowhere.example")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ingen innmelder eller fagbruker har denne e-postadressen")));
		this.mvc
			.perform(post("/saksbehandling/innboks/" + mailId + "/kobling").param("email", address(person))
				.with(csrf())
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().is3xxRedirection());
		List<Long> cases = casesOf(person);
		assertThat(cases).hasSize(1);
		assertThat(
				this.jdbc.queryForObject("select channel from support_case where id = ?", String.class, cases.get(0)))
			.isEqualTo("EMAIL");
		assertThat(this.jdbc.queryForList("select file_name from attachment where case_id = ?", String.class,
				cases.get(0)))
			.containsExactly("faktura.pdf");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where case_id = ? and action = 'MAIL_LINKED' and actor_id = ?",
				Integer.class, cases.get(0), this.fixtures.user("siri").id()))
			.isEqualTo(1);
		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(not(containsString(subject))));
	}

	@Test
	void aRejectedMailIsKeptWithItsReasonAndAudited() throws Exception {
		String subject = "Reklame " + UUID.randomUUID();
		server.deliver(mail("tilbud-" + UUID.randomUUID() + "@spam.example", subject, "Kjøp nå!"));
		read();
		Long mailId = this.jdbc.queryForObject("select id from received_mail where subject = ?", Long.class, subject);
		this.mvc
			.perform(post("/saksbehandling/innboks/" + mailId + "/avvisning").param("reason", "")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv hvorfor e-posten avvises.")));
		this.mvc
			.perform(post("/saksbehandling/innboks/" + mailId + "/avvisning").param("reason", "Reklame")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc
			.queryForMap("select outcome, rejection, raw is not null as kept from received_mail where id = ?", mailId))
			.containsEntry("outcome", "REJECTED")
			.containsEntry("rejection", "Reklame")
			.containsEntry("kept", true);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'MAIL_REJECTED' and detail = ?", Integer.class,
				"mail=" + mailId))
			.isEqualTo(1);
	}

	@Test
	void theOriginalOfAWaitingMailIsStoredSealedAndDownloadsWholeForCaseworkersOnly() throws Exception {
		String sender = "sykmeldt-" + UUID.randomUUID() + "@nowhere.example";
		String subject = "Sykmelding " + UUID.randomUUID();
		String body = "Sykmeldt fra 1. mars, fødselsnummer 01017012345.";
		server.deliver(withPdf(sender, subject, body));
		read();
		Long mailId = this.jdbc.queryForObject("select id from received_mail where subject = ? and outcome = 'TRIAGE'",
				Long.class, subject);
		byte[] stored = this.jdbc.queryForObject("select raw from received_mail where id = ?", byte[].class, mailId);
		String encodedBody = Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(sender, encodedBody,
				jakartaEncoded(subject), "faktura.pdf");

		this.mvc.perform(get("/saksbehandling/innboks/" + mailId).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(containsString("/saksbehandling/innboks/" + mailId + "/original")));
		byte[] original = this.mvc
			.perform(get("/saksbehandling/innboks/" + mailId + "/original")
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "message/rfc822"))
			.andExpect(header().string("Content-Disposition", containsString("epost-" + mailId + ".eml")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(original, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
		assertThat(text).contains("From: " + sender, encodedBody, Base64.getMimeEncoder().encodeToString(PDF));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'MAIL_DOWNLOADED' and detail = ? and actor_id = ?",
				Integer.class, "mail=" + mailId, this.fixtures.user("siri").id()))
			.isEqualTo(1);

		this.mvc
			.perform(get("/saksbehandling/innboks/" + mailId + "/original")
				.with(user(this.users.loadUserByUsername("kari"))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/saksbehandling/innboks/" + mailId + "/original")
				.with(user(this.users.loadUserByUsername("sverre"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aQuarantinedMailIsOpenedDownloadedAndRejectedWithAReason() throws Exception {
		byte[] broken = ("From: " + UUID.randomUUID() + "@nowhere.example\nContent-Type: multipart/mixed\n\nbroken")
			.getBytes(StandardCharsets.US_ASCII);
		long mailId = this.received.record(new ReceivedMails.Received(Category.PAYROLL, 1,
				Math.abs(UUID.randomUUID().getMostSignificantBits()), null, null, null, Instant.now(),
				ReceivedMails.Outcome.QUARANTINE, "unreadable: ParseException", null, null, broken));

		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(containsString("href=\"/saksbehandling/innboks/" + mailId + "\"")));
		this.mvc.perform(get("/saksbehandling/innboks/" + mailId).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("E-post i karantene")))
			.andExpect(content().string(containsString("/saksbehandling/innboks/" + mailId + "/avvisning")));
		assertThat(this.mvc
			.perform(get("/saksbehandling/innboks/" + mailId + "/original")
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray()).isEqualTo(broken);
		this.mvc
			.perform(post("/saksbehandling/innboks/" + mailId + "/avvisning").param("reason", "Ødelagt, spurt avsender")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.queryForMap("select outcome, rejection from received_mail where id = ?", mailId))
			.containsEntry("outcome", "REJECTED")
			.containsEntry("rejection", "Ødelagt, spurt avsender");
		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(not(containsString("href=\"/saksbehandling/innboks/" + mailId + "\""))));
		this.mvc.perform(get("/saksbehandling/innboks/" + mailId).with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(containsString("Avvist: Ødelagt, spurt avsender")))
			.andExpect(content().string(not(containsString("/avvisning"))));
	}

	@Test
	void automaticMailsBecomeNoCaseAndGetNoReceiptAndOutOfOfficeIsKeptAside() throws Exception {
		String person = agencyPerson();
		String from = address(person);
		server.deliver(mail(from, "Automatisk svar: Nytt i sak 1", "Jeg er borte.", "Auto-Submitted: auto-replied"));
		server.deliver(mail(from, "Nyhetsbrev", "Les mer.", "Precedence: bulk"));
		server.deliver(mail(from, "Liste", "Les mer.", "Precedence: list"));
		server.deliver(mail(from, "Generert", "Les mer.", "Auto-Submitted: auto-generated"));
		server.deliver(mail(from, "Outlook", "Les mer.", "X-Auto-Response-Suppress: All"));
		server.deliver(mail(from, "Tom avsender", "Les mer.", "Return-Path: <>"));
		server.deliver(mail(from, "Vår egen", "Les mer.",
				"Message-ID: <kundesenter.receipt." + UUID.randomUUID() + ".case.1@kundesenter.example>"));
		server.deliver(mail(from, "Out of Office", "Away."));
		read();
		assertThat(casesOf(person)).isEmpty();
		assertThat(server.receivedBy(from)).isEmpty();
		assertThat(this.jdbc.queryForList("select outcome from received_mail where from_address = ? order by id",
				String.class, from))
			.containsExactlyInAnyOrder("OUT_OF_OFFICE", "IGNORED", "IGNORED", "IGNORED", "IGNORED", "BOUNCE", "IGNORED",
					"OUT_OF_OFFICE");
	}

	@Test
	void aBounceOfANoticeMarksThatNoticeFailedAndBecomesNoCase() throws Exception {
		String person = agencyPerson();
		long caseId = this.fixtures.caseOf(person, Category.PAYROLL, CaseStatus.WAITING_FOR_CUSTOMER);
		long noticeId = this.jdbc.queryForObject(
				"""
						insert into notice (case_id, recipient_id, kinds, status, created_at, next_attempt_at, attempts, sent_at)
						values (?, ?, array['ANSWERED'], 'SENT', now(), now(), 1, now()) returning id""",
				Long.class, caseId, new TestPeople(this.jdbc).id(person));
		String boundary = "dsn-" + UUID.randomUUID();
		server.deliver("From: Mail Delivery System <MAILER-DAEMON@mx.example>\n" + "To: ikke-svar@kundesenter.example\n"
				+ "Subject: Undelivered Mail Returned to Sender\n" + "Message-ID: <" + UUID.randomUUID()
				+ "@mx.example>\n" + "MIME-Version: 1.0\n"
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\n\n--"
				+ boundary + "\nContent-Type: text/plain\n\nThe mail could not be delivered.\n--" + boundary
				+ "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
				+ "Final-Recipient: rfc822; gone@agency.example\nAction: failed\nStatus: 5.1.1\n--" + boundary
				+ "\nContent-Type: text/rfc822-headers\n\nMessage-ID: <kundesenter.notice." + noticeId + ".case."
				+ caseId + "@kundesenter.example>\nSubject: Nytt i sak " + caseId + "\n--" + boundary + "--\n");
		read();
		assertThat(this.jdbc.queryForObject("select status from notice where id = ?", String.class, noticeId))
			.isEqualTo("FAILED");
		assertThat(this.fixtures.messages(caseId)).isEqualTo(1);
	}

	@Test
	void theSameMailSeenAgainAfterACrashIsOneCase() throws Exception {
		String person = agencyPerson();
		String raw = mail(address(person), "Dobbel", "En gang.");
		server.deliver(raw);
		// A node took the mail and committed, then died before moving it.
		long[] place = server.uidValidityAndFirstUid();
		this.intake.take(Category.PAYROLL, place[0], place[1], raw.getBytes(StandardCharsets.ISO_8859_1));
		read();
		assertThat(casesOf(person)).hasSize(1);
		assertThat(server.count("INBOX")).isZero();
		// The same mail again, under another UID (the server lost its move).
		server.deliver(raw);
		read();
		assertThat(casesOf(person)).hasSize(1);
		assertThat(server.count("INBOX")).isZero();
	}

	@Test
	void pastTheLimitOfNewCasesAnHourASendersMailsWaitInTriage() throws Exception {
		String person = agencyPerson();
		for (int i = 0; i < 4; i++) {
			server.deliver(mail(address(person), "Sak nummer " + i + " fra skript", "Tekst " + i));
		}
		read();
		assertThat(casesOf(person)).hasSize(3);
		assertThat(
				this.jdbc.queryForList("select reason from received_mail where from_address = ? and outcome = 'TRIAGE'",
						String.class, address(person)))
			.containsExactly("sender-limit");
	}

	@Test
	void aMailboxThatCannotBeReadIsShownAsDownAndReadAgainOnceTheServerIsBack() throws Exception {
		server.stop();
		assertThat(this.reader.read(Category.PAYROLL)).isEqualTo(-1);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		this.mvc.perform(get("/saksbehandling/innboks").with(user(this.users.loadUserByUsername("siri"))))
			.andExpect(content().string(containsString("Vi får ikke lest e-post fra postkassen for")));
		server.start();
		String person = agencyPerson();
		server.deliver(mail(address(person), "Etter nedetid", "Nå virker det."));
		read();
		assertThat(casesOf(person)).hasSize(1);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	// Helpers

	private void read() {
		assertThat(this.reader.read(Category.PAYROLL)).isNotNegative();
	}

	String agencyPerson() {
		TestPeople people = new TestPeople(this.jdbc);
		return people.person("epost", people.agency("Epostetaten " + UUID.randomUUID()).id(), Role.REPORTER);
	}

	static String address(String username) {
		return username + "@example.org";
	}

	List<Long> casesOf(String username) {
		return this.jdbc.queryForList(
				"select c.id from support_case c join app_user u on u.id = c.reporter_id where u.username = ? order by c.id",
				Long.class, username);
	}

	String firstMessage(long caseId) {
		return this.jdbc.queryForObject("select body from message where case_id = ? order by id limit 1", String.class,
				caseId);
	}

	static String mail(String from, String subject, String body, String... headers) {
		StringBuilder raw = new StringBuilder();
		raw.append("From: ").append(from).append('\n');
		raw.append("To: ").append(MailboxTestServer.MAILBOX).append('\n');
		raw.append("Subject: ").append(jakartaEncoded(subject)).append('\n');
		boolean ownId = false;
		for (String header : headers) {
			raw.append(header).append('\n');
			ownId |= header.startsWith("Message-ID:");
		}
		if (!ownId) {
			raw.append("Message-ID: <").append(UUID.randomUUID()).append("@example.org>\n");
		}
		raw.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n");
		raw.append(Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))).append('\n');
		return raw.toString();
	}

	static String withPdf(String from, String subject, String body) {
		String boundary = "b-" + UUID.randomUUID();
		return "From: " + from + "\nTo: " + MailboxTestServer.MAILBOX + "\nSubject: " + jakartaEncoded(subject)
				+ "\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n\n--" + boundary
				+ "\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
				+ Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\n--" + boundary
				+ "\nContent-Type: application/pdf; name=\"faktura.pdf\"\nContent-Disposition: attachment; "
				+ "filename=\"faktura.pdf\"\nContent-Transfer-Encoding: base64\n\n"
				+ Base64.getMimeEncoder().encodeToString(PDF) + "\n--" + boundary + "--\n";
	}

	static String jakartaEncoded(String text) {
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

}
