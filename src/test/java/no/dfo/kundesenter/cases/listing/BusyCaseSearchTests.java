package no.dfo.kundesenter.cases.listing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static no.dfo.kundesenter.cases.listing.ListPages.caseIds;
import static no.dfo.kundesenter.cases.listing.ListPages.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case with hundreds of long messages (decision 0059): every message is posted, and the
 * case is found by its subject, ranked by it, and by the words of its newer messages, in
 * public messages and internal notes alike. Most messages are inserted straight in SQL,
 * which fires the same trigger as the portal's insert; the last one goes through the
 * portal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BusyCaseSearchTests {

	/** The longest message the portal takes. */
	private static final int LONG = 20_000;

	private static final int MESSAGES = 220;

	/** How large a case's search column may grow (V19). */
	private static final int BOUND = 512 * 1024;

	private static final String[] SENTENCES = { "Hei, jeg har et spørsmål om lønnen min for %s.",
			"Utbetalingen den %s ble %s kroner lavere enn forventet.",
			"Vedlagt er sykemelding for perioden fra %s til %s.",
			"Kan dere sjekke om refusjonen på %s kroner er registrert?",
			"Overtiden i uke %s er ført i timelisten, men ikke utbetalt.",
			"Skattekortet er endret, og trekket må være %s prosent fra %s.",
			"Fakturaen med nummer %s er ikke kommet inn i regnskapssystemet.",
			"Vi har rettet feilen, og endringen kommer med lønnskjøringen %s.",
			"Feriepengene er beregnet ut fra fjorårets opptjening på %s kroner.",
			"Bilaget er kontert på prosjekt %s og må flyttes til prosjekt %s.",
			"Leverandøren har sendt kreditnota på %s kroner som må knyttes til fakturaen.",
			"Permisjonen gjelder fra %s, og lønnen skal stanses i mellomtiden.",
			"Reiseregningen for tjenestereisen %s er attestert og anvist.",
			"Takk for svaret, dette løste saken for oss." };

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Long> opened = new ArrayList<>();

	@AfterEach
	void removeTheCases() {
		this.opened.forEach((id) -> this.jdbc.update("delete from support_case where id = ?", id));
	}

	@Test
	void twoHundredLongMessagesOfOrdinaryTextAreAllPostedAndTheirWordsFound() throws Exception {
		String subject = token();
		String inTheHundredFiftieth = token();
		long id = open(subject);
		for (int n = 1; n <= MESSAGES; n++) {
			String body = ordinaryText(n);
			post(id, (n == 150) ? inTheHundredFiftieth + " " + body.substring(inTheHundredFiftieth.length() + 1) : body,
					false);
		}
		String last = token();
		postThroughThePortal(id, last);
		assertThat(this.fixtures.messages(id)).isEqualTo(MESSAGES + 2);
		for (String word : List.of(subject, inTheHundredFiftieth, last, "sykemeldingen", "fakturaen")) {
			assertThat(search("kari", word)).as(word).contains(id);
		}
		assertThat(searchColumnSize(id, "search_public")).isLessThanOrEqualTo(BOUND);
	}

	@Test
	void twoHundredLongMessagesOfDistinctWordsAreAllPostedAndTheSubjectAndNewWordsFound() throws Exception {
		String subject = token();
		long id = open(subject);
		String inTheHundredFiftieth = token();
		for (int n = 1; n <= MESSAGES; n++) {
			String body = distinctWords(n);
			if (n == 150) {
				post(id, inTheHundredFiftieth + " " + body.substring(inTheHundredFiftieth.length() + 1), false);
				assertThat(search("kari", inTheHundredFiftieth)).contains(id);
			}
			else {
				post(id, body, false);
			}
			assertThat(searchColumnSize(id, "search_public")).isLessThanOrEqualTo(BOUND);
		}
		String last = token();
		postThroughThePortal(id, last);
		assertThat(this.fixtures.messages(id)).isEqualTo(MESSAGES + 2);
		assertThat(search("kari", subject)).contains(id);
		assertThat(search("kari", last)).contains(id);
		assertThat(searchColumnSize(id, "search_public")).isLessThanOrEqualTo(BOUND);
	}

	@Test
	void aBusyCaseWithTheWordInItsSubjectRanksAboveOneWithItInAMessage() {
		String word = token();
		long inSubject = open(word);
		long inMessage = open(token());
		for (int n = 1; n <= 50; n++) {
			post(inSubject, distinctWords(n), false);
			post(inMessage, distinctWords(1000 + n), false);
		}
		post(inMessage, word + " står i meldingen", false);
		assertThat(rank(inSubject, word)).isGreaterThan(rank(inMessage, word)).isGreaterThan(0);
	}

	@Test
	void longInternalNotesOfDistinctWordsAreAllPostedAndTheNewestFoundByTheCaseworker() throws Exception {
		long id = open(token());
		for (int n = 1; n <= 50; n++) {
			post(id, distinctWords(2000 + n), true);
		}
		String note = token();
		PortalUser siri = this.fixtures.user("siri");
		this.conversation.respond(id, new Response("Notat: " + note, true, null, this.fixtures.version(id)), siri);
		assertThat(search("siri", note)).contains(id);
		assertThat(search("kari", note)).doesNotContain(id);
		assertThat(searchColumnSize(id, "search_internal")).isLessThanOrEqualTo(BOUND);
	}

	@Test
	void editingOrDeletingAMessageOfABusyCaseRecomputesItsWordsWithinTheBound() throws Exception {
		String subject = token();
		long id = open(subject);
		for (int n = 1; n <= 30; n++) {
			post(id, distinctWords(3000 + n), false);
			post(id, distinctWords(4000 + n), true);
		}
		String edited = token();
		this.jdbc.update("update message set body = ? where id = (select max(id) from message where case_id = ? "
				+ "and not internal)", "Rettet: " + edited, id);
		this.jdbc.update(
				"delete from message where id = (select max(id) from message where case_id = ? " + "and internal)", id);
		assertThat(search("kari", edited)).contains(id);
		assertThat(search("kari", subject)).contains(id);
		assertThat(searchColumnSize(id, "search_public")).isLessThanOrEqualTo(BOUND);
		assertThat(searchColumnSize(id, "search_internal")).isLessThanOrEqualTo(BOUND);
	}

	private long open(String subject) {
		PortalUser kari = this.fixtures.user("kari");
		Case c = this.cases.saveAndFlush(
				Case.open(new NewCase(Category.PAYROLL, "Sak " + subject, "Første melding", null), Channel.WEB,
						kari.organizationId(), kari.id(), kari.id(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
		this.opened.add(c.getId());
		return c.getId();
	}

	private void post(long caseId, String body, boolean internal) {
		long author = this.fixtures.user(internal ? "siri" : "kari").id();
		this.jdbc.update("""
				insert into message (case_id, author_id, author_side, body, internal, created_at)
				values (?, ?, ?, ?, ?, now())""", caseId, author, internal ? "CENTRE" : "CUSTOMER", body, internal);
	}

	private void postThroughThePortal(long caseId, String word) throws Exception {
		String body = word + " " + ordinaryText(0);
		this.mvc
			.perform(multipart("/saker/" + caseId + "/meldinger")
				.param("body", body.substring(0, Math.min(LONG, body.length())))
				.with(user(this.users.loadUserByUsername("kari")))
				.with(csrf().asHeader()))
			.andExpect(redirectedUrl("/saker/" + caseId + "#conversation-title"));
	}

	private List<Long> search(String username, String text) throws Exception {
		String html = this.mvc
			.perform(get("/saker").param("q", text).with(user(this.users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return caseIds(html);
	}

	/** The column's size as PostgreSQL counts it against its limit (not compressed). */
	private int searchColumnSize(long caseId, String column) {
		return this.jdbc.queryForObject(
				"select pg_column_size(" + column + " || ''::tsvector) from support_case where id = ?", Integer.class,
				caseId);
	}

	private double rank(long caseId, String word) {
		return this.jdbc.queryForObject(
				"select ts_rank(search_public, plainto_tsquery('norwegian', ?)) from support_case where id = ?",
				Double.class, word, caseId);
	}

	/**
	 * About 20,000 characters of a payroll conversation: few distinct words, many times.
	 */
	private static String ordinaryText(int n) {
		Random random = new Random(n);
		StringBuilder text = new StringBuilder(LONG);
		while (true) {
			String sentence = SENTENCES[random.nextInt(SENTENCES.length)].formatted(1 + random.nextInt(3000),
					1 + random.nextInt(3000));
			if (text.length() + sentence.length() + 1 > LONG) {
				return text.toString().strip();
			}
			text.append(sentence).append(' ');
		}
	}

	/** About 20,000 characters of words found in no other message: 2,500 of them. */
	private static String distinctWords(int n) {
		StringBuilder text = new StringBuilder(LONG);
		for (long i = n * 100_000L; text.length() + 8 <= LONG; i++) {
			text.append(word(i)).append(' ');
		}
		return text.toString().strip();
	}

	/** A word of letters for the number, different for every number. */
	private static String word(long number) {
		StringBuilder word = new StringBuilder("x");
		for (long rest = number; word.length() < 7; rest /= 26) {
			word.append((char) ('a' + rest % 26));
		}
		return word.toString();
	}

}
