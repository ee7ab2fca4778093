package no.dfo.kundesenter.cases.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.LowRateLimits;
import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Registrations and uploads past a person's limit are refused with 429, keep what was
 * typed and store nothing. Each test is a new person.
 */
@LowRateLimits
class CaseRateLimitTests {

	private static final Pattern DRAFT_ID = Pattern.compile("name=\"attachmentIds\" value=\"([0-9a-f-]{36})\"");

	private static final String RETRY_AFTER_SECONDS = "[1-9][0-9]*";

	private static final String TOO_MANY_CASES = "Du har registrert mange saker på kort tid. Vent";

	private static final String TOO_MANY_FILES = "Du har lastet opp mange filer på kort tid. Vent";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private String username;

	private long personId;

	private RequestPostProcessor person() {
		if (this.username == null) {
			var people = new TestPeople(this.jdbc);
			this.username = people.person("grenser", people.existing("910000004").id(), Role.REPORTER);
			this.personId = people.id(this.username);
		}
		return user(this.users.loadUserByUsername(this.username));
	}

	private MockMultipartHttpServletRequestBuilder newCase(String subject, List<String> draftIds,
			MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart("/saker");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		request.param("category", "ACCOUNTING").param("subject", subject).param("message", "Se vedlagte bilag.");
		draftIds.forEach((id) -> request.param("attachmentIds", id));
		request.with(csrf().asHeader()).with(person());
		return request;
	}

	private long register(String subject) throws Exception {
		String location = this.mvc.perform(newCase(subject, List.of()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/saker/".length()));
	}

	private int cases() {
		person();
		return this.jdbc.queryForObject("select count(*) from support_case where reporter_id = ?", Integer.class,
				this.personId);
	}

	private int files() {
		person();
		return this.jdbc.queryForObject("select count(*) from attachment where added_by = ?", Integer.class,
				this.personId);
	}

	private static List<String> draftIds(String html) {
		List<String> ids = new ArrayList<>();
		Matcher m = DRAFT_ID.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static MockMultipartFile pdf(String name) {
		return TestFiles.file(name, TestFiles.PDF);
	}

	@Test
	void aRegistrationPastTheLimitIsRefusedWith429KeepingTheFormAndItsNewDraft() throws Exception {
		for (int i = 0; i < LowRateLimits.CASE_REGISTRATIONS; i++) {
			register("Sak " + i);
		}

		this.mvc.perform(newCase("En sak for mye", List.of(), pdf("bilag.pdf")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern(RETRY_AFTER_SECONDS)))
			.andExpect(view().name("cases/new"))
			.andExpect(content().string(containsString(TOO_MANY_CASES)))
			.andExpect(content().string(containsString("value=\"En sak for mye\"")))
			.andExpect(content().string(containsString("Se vedlagte bilag.")))
			.andExpect(content().string(containsString("aria-label=\"Fjern bilag.pdf\"")));
		assertThat(cases()).isEqualTo(LowRateLimits.CASE_REGISTRATIONS);
	}

	@Test
	void uploadingAndRemovingDraftsWithoutJavaScriptIsNoRegistration() throws Exception {
		String uploaded = this.mvc.perform(newCase("Faktura", List.of(), pdf("a.pdf")).param("upload", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = this.mvc.perform(newCase("Faktura", draftIds(uploaded), pdf("b.pdf")).param("upload", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> drafts = draftIds(again);
		assertThat(drafts).hasSize(2);
		this.mvc.perform(newCase("Faktura", drafts).param("removeAttachment", drafts.get(1)))
			.andExpect(status().isOk());

		this.mvc.perform(newCase("Faktura", List.of(drafts.get(0)))).andExpect(status().is3xxRedirection());
		this.mvc.perform(newCase("Faktura igjen", List.of())).andExpect(status().is3xxRedirection());
		assertThat(cases()).isEqualTo(LowRateLimits.CASE_REGISTRATIONS);
	}

	@Test
	void withoutJavaScriptAnUploadPastTheLimitIsRefusedAtTheFieldKeepingEverythingTyped() throws Exception {
		String uploaded = this.mvc
			.perform(newCase("Tre bilag", List.of(), pdf("1.pdf"), pdf("2.pdf"), pdf("3.pdf")).param("upload", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		this.mvc.perform(newCase("Tre bilag", draftIds(uploaded), pdf("4.pdf")).param("upload", "1"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern(RETRY_AFTER_SECONDS)))
			.andExpect(model().attributeHasFieldErrorCode("form", "attachmentIds", "rateLimit.uploads"))
			.andExpect(content().string(containsString(TOO_MANY_FILES)))
			.andExpect(content().string(containsString("href=\"#files\"")))
			.andExpect(content().string(containsString("value=\"Tre bilag\"")))
			.andExpect(content().string(containsString("aria-label=\"Fjern 3.pdf\"")));
		assertThat(files()).isEqualTo(LowRateLimits.UPLOADED_FILES);
	}

	@Test
	void theScriptsDraftUploadPastTheLimitIsAnswered429WithTheReasonAsAFragment() throws Exception {
		this.mvc
			.perform(multipart("/saker/ny/vedlegg").file(pdf("a.pdf"))
				.file(pdf("b.pdf"))
				.with(csrf().asHeader())
				.with(person()))
			.andExpect(status().isOk());
		this.mvc.perform(multipart("/saker/ny/vedlegg").file(pdf("c.pdf")).with(csrf().asHeader()).with(person()))
			.andExpect(status().isOk());

		this.mvc.perform(multipart("/saker/ny/vedlegg").file(pdf("d.pdf")).with(csrf().asHeader()).with(person()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern(RETRY_AFTER_SECONDS)))
			.andExpect(content().string(containsString("data-upload-errors")))
			.andExpect(content().string(containsString(TOO_MANY_FILES)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
		assertThat(files()).isEqualTo(LowRateLimits.UPLOADED_FILES);
	}

	@Test
	void aMessageWhoseFilesArePastTheLimitIsNotSentAndKeepsItsText() throws Exception {
		long caseId = register("Lønn mars");
		this.mvc
			.perform(multipart("/saker/" + caseId + "/meldinger").file(pdf("1.pdf"))
				.file(pdf("2.pdf"))
				.file(pdf("3.pdf"))
				.param("body", "Her er tre bilag.")
				.with(csrf().asHeader())
				.with(person()))
			.andExpect(status().is3xxRedirection());
		int messages = messages(caseId);

		this.mvc
			.perform(multipart("/saker/" + caseId + "/meldinger").file(pdf("4.pdf"))
				.param("body", "Og ett til, som venter.")
				.with(csrf().asHeader())
				.with(person()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern(RETRY_AFTER_SECONDS)))
			.andExpect(content().string(containsString(TOO_MANY_FILES)))
			.andExpect(content().string(containsString("Meldingen er ikke sendt.")))
			.andExpect(content().string(containsString("Og ett til, som venter.</textarea>")));
		assertThat(messages(caseId)).isEqualTo(messages);
		assertThat(files()).isEqualTo(LowRateLimits.UPLOADED_FILES);
	}

	@Test
	void filesPastTheByteLimitAreRefusedWith429AndDoNotCountAgainstTheFileLimit() throws Exception {
		long caseId = register("Store bilag");
		int kilobytes = LowRateLimits.UPLOADED_KILOBYTES;
		var large = TestFiles.file("stor.pdf", TestFiles.pdfOfSize(kilobytes * 1024 * 2 / 3));
		this.mvc.perform(multipart("/saker/" + caseId + "/vedlegg").file(large).with(csrf().asHeader()).with(person()))
			.andExpect(status().is3xxRedirection());

		this.mvc
			.perform(multipart("/saker/" + caseId + "/vedlegg").file(TestFiles.file("stor 2.pdf", large.getBytes()))
				.with(csrf().asHeader())
				.with(person()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern(RETRY_AFTER_SECONDS)))
			.andExpect(view().name("error/429"))
			.andExpect(content().string(containsString(TOO_MANY_FILES)));
		assertThat(files()).isOne();

		this.mvc
			.perform(multipart("/saker/" + caseId + "/vedlegg").file(pdf("liten 1.pdf"))
				.file(pdf("liten 2.pdf"))
				.with(csrf().asHeader())
				.with(person()))
			.andExpect(status().is3xxRedirection());
		assertThat(files()).isEqualTo(LowRateLimits.UPLOADED_FILES);
	}

	private int messages(long caseId) {
		return this.jdbc.queryForObject("select count(*) from message where case_id = ?", Integer.class, caseId);
	}

}
