package no.dfo.kundesenter.channels.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mails that are hard to read, each followed by a plain one: each ends as a case, a
 * triaged or a quarantined mail with a reason, and never keeps the next mail from being
 * read.
 */
@SpringBootTest(properties = { "portal.channels.fetching-enabled=false",
		"portal.channels.mailboxes.payroll.host=127.0.0.1", "portal.channels.mailboxes.payroll.protocol=imap",
		"portal.channels.mailboxes.payroll.username=" + MailboxTestServer.MAILBOX,
		"portal.channels.mailboxes.payroll.password=" + MailboxTestServer.PASSWORD,
		"portal.channels.mailboxes.payroll.timeout=5s" })
class BadMailTests {

	static final MailboxTestServer server = new MailboxTestServer();

	@Autowired
	MailboxReader reader;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("portal.channels.mailboxes.payroll.port", () -> server.imapPort);
	}

	@AfterAll
	static void stopMailServer() {
		server.stop();
	}

	@Test
	void isoLatin1AndWindows1252AndQuotedPrintableTextIsReadInItsCharset() {
		String from = person();
		server.deliver(headers(from, "Latin-1") + "Content-Type: text/plain; charset=ISO-8859-1\n"
				+ "Content-Transfer-Encoding: 8bit\n\nL\u00f8nn for bl\u00e5b\u00e6rplukking\n");
		server.deliver(headers(from, "Windows") + "Content-Type: text/plain; charset=windows-1252\n"
				+ "Content-Transfer-Encoding: 8bit\n\nBel\u00f8p \u0080 200 \u0096 ikke utbetalt\n");
		server.deliver(headers(from, "QP") + "Content-Type: text/plain; charset=UTF-8\n"
				+ "Content-Transfer-Encoding: quoted-printable\n\n=C3=A6=C3=B8=C3=A5 er med=\n og linjen fortsetter\n");
		server.deliver(headers(from, "Ukjent tegnsett")
				+ "Content-Type: text/plain; charset=x-unknown-42\n\nHei p\u00e5 deg\n");
		read();
		assertThat(messagesFrom(from)).containsExactlyInAnyOrder("Lønn for blåbærplukking",
				"Beløp € 200 – ikke utbetalt", "æøå er med og linjen fortsetter", "Hei på deg");
	}

	@Test
	void aMissingOrGarbageSubjectGetsTheDefaultSubject() {
		String from = person();
		server.deliver("From: " + from + "\nMessage-ID: <" + UUID.randomUUID()
				+ "@example.org>\nContent-Type: text/plain\n\nUten emne\n");
		server.deliver(headers(from, "\u0007\u0001 ### !!!") + "Content-Type: text/plain\n\nSøppelemne\n");
		read();
		assertThat(subjectsFrom(from)).containsExactly("E-post uten emne", "E-post uten emne");
	}

	@Test
	void aMissingOrGarbageFromWaitsInTriage() {
		String subject = "Uten avsender " + UUID.randomUUID();
		server.deliver("To: lonn@kundesenter.test\nSubject: " + subject + "\nMessage-ID: <" + UUID.randomUUID()
				+ "@example.org>\n\nHvem er jeg?\n");
		String garbage = "<" + UUID.randomUUID() + "@example.org>";
		server.deliver(
				"From: @@@ <<not an address\nSubject: " + subject + "\nMessage-ID: " + garbage + "\n\nHvem er jeg?\n");
		String after = person();
		server.deliver(headers(after, "Etterpå") + "\nVanlig\n");
		read();
		assertThat(this.jdbc.queryForList("select outcome || ' ' || reason from received_mail where subject = ?",
				String.class, subject))
			.contains("TRIAGE no-sender");
		assertThat(this.jdbc.queryForObject("select outcome from received_mail where message_id = ?", String.class,
				garbage))
			.isIn("TRIAGE", "QUARANTINE");
		assertThat(subjectsFrom(after)).containsExactly("Etterpå");
	}

	@Test
	void anExeIsNamedOnTheCaseAsNotTakenAndAThirtyMegabyteFileAsTooLarge() {
		String from = person();
		String boundary = "b" + UUID.randomUUID();
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		byte[] big = new byte[30 * 1024 * 1024];
		big[0] = '%';
		big[1] = 'P';
		big[2] = 'D';
		big[3] = 'F';
		server.deliver(headers(from, "Vedlegg") + "Content-Type: multipart/mixed; boundary=" + boundary + "\n\n--"
				+ boundary + "\nContent-Type: text/plain; charset=UTF-8\n\nSe vedlagt.\n--" + boundary
				+ "\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=faktura.exe\n"
				+ "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(exe) + "\n--"
				+ boundary + "\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=stor.pdf\n"
				+ "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(big) + "\n--"
				+ boundary + "--\n");
		read();
		assertThat(messagesFrom(from)).singleElement()
			.asString()
			.contains("Se vedlagt.")
			.contains("Vedlegget «faktura.exe» ble ikke tatt imot: filtypen er ikke tillatt.")
			.contains("Vedlegget «stor.pdf» ble ikke tatt imot: filen er for stor (30 MB)");
	}

	@Test
	void aHeaderWithFiveThousandRecipientsAndANestedMessageBecomeCases() {
		String from = person();
		String recipients = IntStream.range(0, 5000)
			.mapToObj((i) -> "mottaker" + i + "@example.org")
			.collect(Collectors.joining(",\n "));
		server.deliver("From: " + from + "\nTo: " + recipients + "\nSubject: Mange mottakere\nMessage-ID: <"
				+ UUID.randomUUID() + "@example.org>\nContent-Type: text/plain\n\nTil alle\n");
		String boundary = "n" + UUID.randomUUID();
		server.deliver(headers(from, "Videresendt") + "Content-Type: multipart/mixed; boundary=" + boundary + "\n\n--"
				+ boundary + "\nContent-Type: text/plain\n\nSe under.\n--" + boundary
				+ "\nContent-Type: message/rfc822\n\n"
				+ "From: leder@example.org\nSubject: Opprinnelig\nContent-Type: text/plain\n\nDen opprinnelige teksten\n--"
				+ boundary + "--\n");
		read();
		assertThat(subjectsFrom(from)).containsExactlyInAnyOrder("Mange mottakere", "Videresendt");
		assertThat(String.join("\n", messagesFrom(from))).contains("Til alle")
			.contains("Se under.")
			.contains("Den opprinnelige teksten");
	}

	@Test
	void brokenMimeEndsWithAReasonAndTheNextMailIsStillRead() {
		String from = person();
		String first = "<" + UUID.randomUUID() + "@example.org>";
		String second = "<" + UUID.randomUUID() + "@example.org>";
		server.deliver("From: " + from + "\nSubject: Ødelagt\nMessage-ID: " + first
				+ "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=missing\n"
				+ "Content-Transfer-Encoding: base64\n\n--other\nContent-Type: text/plain\n\n!!!***\n");
		server.deliver("From: " + from + "\nSubject: Ødelagt\nMessage-ID: " + second
				+ "\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
				+ "@@@ not base64 ***\n");
		server.deliver(headers(from, "Etter ødelagt") + "Content-Type: text/plain\n\nVanlig\n");
		read();
		assertThat(this.jdbc.queryForList("select outcome from received_mail where message_id in (?, ?)", String.class,
				first, second))
			.hasSize(2)
			.allSatisfy((outcome) -> assertThat(outcome).isIn("CASE", "QUARANTINE"));
		assertThat(subjectsFrom(from)).contains("Etter ødelagt");
	}

	@Test
	void aMailThatCannotBeParsedIsQuarantinedAndKept() {
		String boundary = "q";
		String id = "<" + UUID.randomUUID() + "@example.org>";
		// A part whose headers never end, inside a multipart whose end never comes.
		server.deliver("From: " + person() + "\nSubject: Karantene\nMessage-ID: " + id
				+ "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=" + boundary + "\n\n--" + boundary
				+ "\nContent-Type: multipart/alternative; boundary=\"\"\n\n--\n");
		read();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select outcome, reason, raw is not null as kept from received_mail where message_id = ?", id);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.get("outcome")).isIn("QUARANTINE", "CASE");
			if ("QUARANTINE".equals(row.get("outcome"))) {
				assertThat(row.get("kept")).isEqualTo(true);
			}
		});
	}

	private void read() {
		assertThat(this.reader.read(Category.PAYROLL)).isNotNegative();
		assertThat(this.reader.read(Category.PAYROLL)).isZero();
	}

	private String person() {
		TestPeople people = new TestPeople(this.jdbc);
		return people.person("rar", people.agency("Rar etat " + UUID.randomUUID()).id(), Role.REPORTER)
				+ "@example.org";
	}

	private static String headers(String from, String subject) {
		return "From: " + from + "\nTo: " + MailboxTestServer.MAILBOX + "\nSubject: =?UTF-8?B?"
				+ Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\nMessage-ID: <"
				+ UUID.randomUUID() + "@example.org>\nMIME-Version: 1.0\n";
	}

	private List<String> messagesFrom(String address) {
		return this.jdbc.queryForList("""
				select m.body from message m join support_case c on c.id = m.case_id
				join app_user u on u.id = c.reporter_id where u.email = ? order by m.id""", String.class, address);
	}

	private List<String> subjectsFrom(String address) {
		return this.jdbc.queryForList("""
				select c.subject from support_case c join app_user u on u.id = c.reporter_id
				where u.email = ? order by c.id""", String.class, address);
	}

}
