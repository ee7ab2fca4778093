package no.dfo.kundesenter.cases.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.page.Conversation.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CaseworkWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	Conversation conversation;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long cannedReplyId(String category) {
		return this.jdbc.queryForObject("select min(id) from canned_reply where category = ?", Long.class, category);
	}

	@ParameterizedTest(name = "{0} gets 404 on every caseworker endpoint")
	@ValueSource(strings = { "kari", "lise", "admin" })
	void peopleWhoAreNotCaseworkersGetNotFoundOnEveryCaseworkerEndpoint(String username) throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		long version = this.fixtures.version(id);
		long siri = this.fixtures.user("siri").id();
		this.mvc
			.perform(post("/saker/" + id + "/status").param("body", "Ferdig")
				.param("visibility", "offentlig")
				.param("status", "CLOSED")
				.param("version", Long.toString(version))
				.with(as(username))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/saker/" + id + "/tildeling").param("saksbehandler", Long.toString(siri))
				.param("version", Long.toString(version))
				.with(as(username))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/saker/" + id + "/meldinger").param("action", "sett-inn")
				.param("cannedReply", Long.toString(cannedReplyId("PAYROLL")))
				.with(as(username))
				.with(csrf().asHeader()))
			.andExpect(status().isNotFound());
		for (String page : new String[] { "/saksbehandling", "/saksbehandling/ferdigtekster",
				"/saksbehandling/ferdigtekster/ny", "/saksbehandling/ferdigtekster/" + cannedReplyId("PAYROLL"),
				"/saksbehandling/telefon" }) {
			this.mvc.perform(get(page).with(as(username))).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(post("/saksbehandling/ferdigtekster/" + cannedReplyId("PAYROLL") + "/slett").with(as(username))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.ACTIVE);
		assertThat(this.fixtures.version(id)).isEqualTo(version);
	}

	@Test
	void theOtherCategorysCaseworkerGetsNotFound() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		String version = Long.toString(this.fixtures.version(id));
		this.mvc
			.perform(post("/saker/" + id + "/status").param("status", "CLOSED")
				.param("body", "x")
				.param("visibility", "offentlig")
				.param("version", version)
				.with(as("sverre"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/saker/" + id + "/tildeling").param("saksbehandler", "meg")
				.param("version", version)
				.with(as("sverre"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/saksbehandling/ferdigtekster/" + cannedReplyId("PAYROLL")).with(as("sverre")))
			.andExpect(status().isNotFound());
	}

	@Test
	void customersSeeRepliesButNeverInternalNotes() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		var siri = this.fixtures.user("siri");
		this.conversation.respond(id, new Response("HEMMELIG-NOTAT-7", true, null, this.fixtures.version(id)), siri);
		this.conversation.respond(id,
				new Response("Svar til Kari 7", false, CaseStatus.WAITING_FOR_CUSTOMER, this.fixtures.version(id)),
				siri);
		for (String customer : new String[] { "kari", "lise" }) {
			this.mvc.perform(get("/saker/" + id).with(as(customer)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Svar til Kari 7")))
				.andExpect(content().string(not(containsString("HEMMELIG-NOTAT-7"))))
				.andExpect(content().string(not(containsString("Internt notat"))))
				.andExpect(content().string(not(containsString("name=\"version\""))));
		}
		this.mvc.perform(get("/saker/" + id).with(as("siri")))
			.andExpect(content().string(containsString("HEMMELIG-NOTAT-7")));
	}

	@Test
	void aCustomerMessageOnAWaitingCaseMakesItActiveAndSaysSo() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.ACCOUNTING, CaseStatus.WAITING_FOR_CUSTOMER);
		MvcResult posted = this.mvc
			.perform(multipart("/saker/" + id + "/meldinger").param("body", "Her er bilaget")
				.with(as("kari"))
				.with(csrf().asHeader()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.ACTIVE);
		this.mvc.perform(get("/saker/" + id).with(as("kari")).cookie(posted.getResponse().getCookies()))
			.andExpect(content().string(containsString("Meldingen er lagt til i saken.")))
			.andExpect(content().string(containsString("Status er endret fra Venter på kunde til Aktiv.")))
			.andExpect(content().string(containsString("Kunden skrev en ny melding, og saken ble Aktiv igjen")))
			.andExpect(content().string(containsString("Her er bilaget")));
	}

	@Test
	void anEmptyCustomerMessageIsRefusedWithAMessageNextToTheField() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		this.mvc.perform(
				multipart("/saker/" + id + "/meldinger").param("body", "  ").with(as("kari")).with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv en melding.")));
		assertThat(this.fixtures.messages(id)).isEqualTo(1);
	}

	@Test
	void aStaleStatusChangeIsRefusedWithTheCurrentStateAndKeepsTheText() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		long seen = this.fixtures.version(id);
		this.conversation.postCustomerMessage(id, "En ting til", this.fixtures.user("kari"));
		String page = this.mvc
			.perform(multipart("/saker/" + id + "/status").param("body", "Saken er løst, avslutter.")
				.param("visibility", "offentlig")
				.param("status", "CLOSED")
				.param("version", Long.toString(seen))
				.with(as("siri"))
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saken er endret av noen andre mens du skrev")))
			.andExpect(content().string(containsString("Saken er nå: Under arbeid, saksbehandler: ingen.")))
			.andExpect(content().string(containsString("En ting til")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("Saken er løst, avslutter.</textarea>");
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(hiddenVersion(page)).isEqualTo(this.fixtures.version(id));
	}

	@Test
	void postponingNeedsAPublicMessageAndKeepsWhatWasTyped() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.IN_PROGRESS);
		this.mvc
			.perform(multipart("/saker/" + id + "/meldinger").param("body", "Bare for oss")
				.param("visibility", "intern")
				.param("status", "POSTPONED")
				.param("version", Long.toString(this.fixtures.version(id)))
				.with(as("siri"))
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv et svar til kunden som forklarer hvorfor")))
			.andExpect(content().string(containsString("Bare for oss</textarea>")));
		assertThat(this.fixtures.status(id)).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(this.fixtures.messages(id)).isEqualTo(1);
	}

	@Test
	void aCannedReplyIsInsertedIntoTheReplyWithoutJavaScriptAndNothingIsSent() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		long canned = cannedReplyId("PAYROLL");
		String text = this.jdbc.queryForObject("select body from canned_reply where id = ?", String.class, canned);
		String page = this.mvc
			.perform(multipart("/saker/" + id + "/meldinger").param("body", "Hei Kari.")
				.param("visibility", "offentlig")
				.param("status", "")
				.param("cannedReply", Long.toString(canned))
				.param("action", "sett-inn")
				.param("version", Long.toString(this.fixtures.version(id)))
				.with(as("siri"))
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("Hei Kari.\n\n" + text + "</textarea>");
		assertThat(this.fixtures.messages(id)).isEqualTo(1);
	}

	@Test
	void insertingACannedReplyDeletedMeanwhileSaysSoAndKeepsTheText() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		long canned = this.jdbc.queryForObject("""
				insert into canned_reply (category, title, body, updated_by, updated_at)
				values ('PAYROLL', ?, 'Snart borte', (select id from app_user where username = 'siri'), now())
				returning id""", Long.class, "Borte " + System.nanoTime());
		this.jdbc.update("delete from canned_reply where id = ?", canned);
		String page = this.mvc
			.perform(multipart("/saker/" + id + "/meldinger").param("body", "Hei Kari, dette er et langt svar.")
				.param("visibility", "offentlig")
				.param("status", "")
				.param("cannedReply", Long.toString(canned))
				.param("action", "sett-inn")
				.param("version", Long.toString(this.fixtures.version(id)))
				.with(as("siri"))
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(page)).contains("Hei Kari, dette er et langt svar.</textarea>",
				"Ferdigteksten du valgte, er slettet i mellomtiden.");
		assertThat(this.fixtures.messages(id)).isEqualTo(1);
	}

	@Test
	void aCaseworkerTakesACaseAndItShowsInMine() throws Exception {
		long id = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		this.mvc
			.perform(post("/saker/" + id + "/tildeling").param("saksbehandler", "meg")
				.param("version", Long.toString(this.fixtures.version(id)))
				.with(as("siri"))
				.with(csrf()))
			.andExpect(redirectedUrl("/saker/" + id));
		this.mvc.perform(get("/saker/" + id).with(as("siri")))
			.andExpect(content().string(containsString("Siri Saksbehandler tildelte saken til Siri Saksbehandler")));
		this.mvc.perform(get("/saksbehandling").param("visning", "mine").with(as("siri")))
			.andExpect(content().string(containsString("/saker/" + id)));
		this.mvc.perform(get("/saksbehandling").param("visning", "ufordelt").with(as("siri")))
			.andExpect(content().string(not(containsString("/saker/" + id + "\""))));
	}

	@Test
	void theQueueShowsTheCategorysCasesOldestWaitingFirst() throws Exception {
		long older = this.fixtures.caseOf("per", Category.PAYROLL, CaseStatus.ACTIVE);
		long newer = this.fixtures.caseOf("kari", Category.PAYROLL, CaseStatus.ACTIVE);
		long accounting = this.fixtures.caseOf("kari", Category.ACCOUNTING, CaseStatus.ACTIVE);
		this.jdbc.update("update support_case set last_customer_message_at = timestamptz '2001-01-01 08:00+00' "
				+ "where id = ?", older);
		this.jdbc.update("update support_case set last_customer_message_at = timestamptz '2001-01-02 08:00+00' "
				+ "where id = ?", newer);
		String page = this.mvc
			.perform(get("/saksbehandling").param("visning", "alle").param("sortering", "ventetid").with(as("siri")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prøvedirektoratet")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("/saker/" + older)).isPositive().isLessThan(page.indexOf("/saker/" + newer));
		assertThat(page).doesNotContain("/saker/" + accounting + "\"");
		this.jdbc.update("update support_case set status = 'CLOSED' where id in (?, ?)", older, newer);
	}

	@Test
	void aPhoneCaseRegisteredForOlaShowsInHisListMarkedTelefon() throws Exception {
		long ola = this.fixtures.user("ola").id();
		long agency = this.fixtures.user("ola").organizationId();
		this.mvc
			.perform(get("/saksbehandling/telefon").param("organization", Long.toString(agency))
				.param("query", "OLA.nord")
				.with(as("siri")))
			.andExpect(content().string(containsString("Ola Nordmann (ola.nordmann@testetaten.no)")))
			.andExpect(content().string(not(containsString("Kari Nordmann"))));
		String location = this.mvc
			.perform(post("/saksbehandling/telefon").param("organization", Long.toString(agency))
				.param("query", "ola")
				.param("reporter", Long.toString(ola))
				.param("subject", "Telefonsak om feriepenger 42")
				.param("message", "Ola ringte om feriepengene.")
				.with(as("siri"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String list = this.mvc.perform(get("/saker").with(as("ola"))).andReturn().getResponse().getContentAsString();
		int row = list.indexOf("Telefonsak om feriepenger 42");
		assertThat(row).isPositive();
		assertThat(list.substring(row, list.indexOf("</tr>", row))).contains("Telefon");
		this.mvc.perform(get(location).with(as("ola")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ola ringte om feriepengene.")))
			.andExpect(content().string(containsString("(saksbehandler)")));
	}

	@Test
	void caseworkersKeepCannedRepliesOfTheirCategory() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/saksbehandling/ferdigtekster").param("category", "PAYROLL")
				.param("title", "Feriepenger 42")
				.param("body", "Feriepenger utbetales i juni.")
				.with(as("siri"))
				.with(csrf()))
			.andExpect(redirectedUrl("/saksbehandling/ferdigtekster"))
			.andReturn();
		this.mvc
			.perform(get("/saksbehandling/ferdigtekster").with(as("siri")).cookie(created.getResponse().getCookies()))
			.andExpect(content().string(containsString("Ferdigteksten er lagret.")))
			.andExpect(content().string(containsString("Feriepenger 42")));
		this.mvc.perform(get("/saksbehandling/ferdigtekster").with(as("sverre")))
			.andExpect(content().string(not(containsString("Feriepenger 42"))));
		this.mvc
			.perform(post("/saksbehandling/ferdigtekster").param("category", "PAYROLL")
				.param("title", "feriepenger 42")
				.param("body", "Kopi")
				.with(as("siri"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Det finnes allerede en ferdigtekst med dette navnet.")));
		this.mvc
			.perform(post("/saksbehandling/ferdigtekster").param("category", "ACCOUNTING")
				.param("title", "Ikke min kategori")
				.param("body", "x")
				.with(as("siri"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Velg kategori.")));
	}

	private static long hiddenVersion(String page) {
		Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
