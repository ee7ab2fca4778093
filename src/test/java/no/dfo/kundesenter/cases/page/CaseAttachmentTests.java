package no.dfo.kundesenter.cases.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.access.internal.PortalUserDetails;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.attachments.OfficeFiles;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("kari")
class CaseAttachmentTests {

	private static final Pattern DRAFT_ID = Pattern.compile("name=\"attachmentIds\" value=\"([0-9a-f-]{36})\"");

	private static final String SICK_NOTE = "Sykemelding Ærlig Øvre.pdf";

	@Autowired
	MockMvc mvc;

	@Autowired
	Attachments attachments;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long id(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser().id();
	}

	private static MockMultipartHttpServletRequestBuilder newCase(String subject, List<String> draftIds,
			MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart("/saker");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		request.param("category", "ACCOUNTING").param("subject", subject).param("message", "Se vedlagte bilag.");
		draftIds.forEach((id) -> request.param("attachmentIds", id));
		request.with(csrf().asHeader());
		return request;
	}

	private static List<String> draftIds(String html) {
		List<String> ids = new ArrayList<>();
		Matcher m = DRAFT_ID.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private long caseFrom(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/saker/\\d+");
		return Long.parseLong(location.substring("/saker/".length()));
	}

	private long firstMessageOf(long caseId) {
		return this.jdbc.queryForObject("select min(id) from message where case_id = ?", Long.class, caseId);
	}

	private long registerWith(MockMultipartFile... files) throws Exception {
		return caseFrom(this.mvc.perform(newCase("Bilag", List.of(), files)).andReturn());
	}

	@Test
	void withoutJavaScriptFilesAreUploadedRemovedWithTheCrossKeptThroughErrorsAndClaimedOnRegistering()
			throws Exception {
		String uploaded = this.mvc
			.perform(newCase("Faktura mars", List.of(), TestFiles.file("a.pdf", TestFiles.PDF),
					TestFiles.file("b.png", TestFiles.PNG), TestFiles.file("c.txt", TestFiles.TEXT))
				.param("upload", "1"))
			.andExpect(status().isOk())
			.andExpect(view().name("cases/new"))
			.andExpect(content().string(containsString("value=\"Faktura mars\"")))
			.andExpect(content().string(containsString("aria-label=\"Fjern b.png\"")))
			.andExpect(content().string(containsString("Lastet opp: a.pdf, b.png, c.txt.")))
			.andExpect(content().string(not(containsString("error-summary"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = draftIds(uploaded);
		assertThat(ids).hasSize(3);

		String afterRemove = this.mvc.perform(newCase("Faktura mars", ids).param("removeAttachment", ids.get(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("«b.png» er fjernet.")))
			.andExpect(content().string(not(containsString(">b.png<"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(draftIds(afterRemove)).containsExactly(ids.get(0), ids.get(2));
		assertThat(this.attachments.drafts(id("kari"), List.of(UUID.fromString(ids.get(1))))).isEmpty();

		String withError = this.mvc.perform(newCase("", draftIds(afterRemove)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Skriv et emne.")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(draftIds(withError)).containsExactly(ids.get(0), ids.get(2));

		long caseId = caseFrom(this.mvc.perform(newCase("Faktura mars", draftIds(withError))).andReturn());
		assertThat(this.attachments.listForCase(caseId)).extracting(Attachment::name, Attachment::messageId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a.pdf", firstMessageOf(caseId)),
					org.assertj.core.groups.Tuple.tuple("c.txt", firstMessageOf(caseId)));
	}

	@Test
	void registerSakAlsoTakesNewlyChosenFilesAndAWrongTypeIsNamedKeepingEverythingTyped() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from support_case where reporter_id = ?", Long.class,
				id("kari"));
		this.mvc.perform(newCase("Skal ikke registreres", List.of(), TestFiles.file("faktura.pdf", TestFiles.EXE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("«faktura.pdf» er en filtype vi ikke tar imot.")))
			.andExpect(content().string(containsString("href=\"#files\"")))
			.andExpect(content().string(containsString("value=\"Skal ikke registreres\"")));
		assertThat(this.jdbc.queryForObject("select count(*) from support_case where reporter_id = ?", Long.class,
				id("kari")))
			.isEqualTo(before);

		long caseId = registerWith(TestFiles.file("notat.txt", TestFiles.TEXT));
		assertThat(this.attachments.listForCase(caseId)).extracting(Attachment::name).containsExactly("notat.txt");
	}

	@Test
	void someoneElsesDraftCannotBeClaimed() throws Exception {
		var olasDraft = this.attachments.uploadDrafts(List.of(TestFiles.file("olas.pdf", TestFiles.PDF)), id("ola"))
			.get(0);
		this.mvc.perform(newCase("Prøver", List.of(olasDraft.id().toString())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("finnes ikke lenger")))
			.andExpect(content().string(not(containsString("olas.pdf"))));
		assertThat(this.attachments.drafts(id("ola"), List.of(olasDraft.id()))).hasSize(1);
	}

	@Test
	void aNewMessageCarriesItsAttachmentsAndARefusedFileKeepsNeitherMessageNorFiles() throws Exception {
		long caseId = registerWith(TestFiles.file("første.pdf", TestFiles.PDF));
		this.mvc
			.perform(multipart("/saker/" + caseId + "/meldinger").file(TestFiles.file("lønnsslipp.png", TestFiles.PNG))
				.param("body", "Her er lønnsslippen.")
				.with(csrf().asHeader()))
			.andExpect(status().is3xxRedirection());
		Long messageId = this.jdbc.queryForObject(
				"select max(id) from message where case_id = ? and body = 'Her er lønnsslippen.'", Long.class, caseId);
		assertThat(this.attachments.listForCase(caseId)).anySatisfy((a) -> {
			assertThat(a.name()).isEqualTo("lønnsslipp.png");
			assertThat(a.messageId()).isEqualTo(messageId);
		});

		int messagesBefore = this.jdbc.queryForObject("select count(*) from message where case_id = ?", Integer.class,
				caseId);
		this.mvc
			.perform(multipart("/saker/" + caseId + "/meldinger").file(TestFiles.file("faktura.pdf", TestFiles.EXE))
				.param("body", "Denne skal ikke lagres.")
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("faktura.pdf")))
			.andExpect(content().string(containsString("Denne skal ikke lagres.")));
		assertThat(this.jdbc.queryForObject("select count(*) from message where case_id = ?", Integer.class, caseId))
			.isEqualTo(messagesBefore);
		assertThat(this.attachments.listForCase(caseId)).noneMatch((a) -> a.name().equals("faktura.pdf"));
	}

	@Test
	void theCasePageShowsEachAttachmentWithItsMessageAndThoseAddedAlone() throws Exception {
		long caseId = registerWith(TestFiles.file("med melding.pdf", TestFiles.PDF));
		MvcResult added = this.mvc
			.perform(multipart("/saker/" + caseId + "/vedlegg").file(TestFiles.file(SICK_NOTE, TestFiles.PDF))
				.with(csrf().asHeader()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/saker/" + caseId + "#vedlegg");

		String page = this.mvc.perform(get("/saker/" + caseId).cookie(added.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lagt til: " + SICK_NOTE + ".")))
			.andExpect(content().string(containsString("Vedlegg lagt til uten melding")))
			.andExpect(content().string(containsString("Vedlegg fra Kari Nordmann")))
			.andExpect(content().string(containsString("Lagt til av Kari Nordmann")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int messageBody = page.indexOf("class=\"message__body\"");
		int firstFile = page.indexOf("med melding.pdf");
		int standalone = page.indexOf("Vedlegg lagt til uten melding");
		assertThat(messageBody).isLessThan(firstFile);
		assertThat(firstFile).isLessThan(page.indexOf("</article>", messageBody));
		assertThat(standalone).isLessThan(page.indexOf(SICK_NOTE, standalone));
	}

	@Test
	void aDownloadKeepsTheOriginalNameAndBytesAndIsNeverSniffed() throws Exception {
		long caseId = registerWith(TestFiles.file(SICK_NOTE, TestFiles.PDF));
		Attachment a = this.attachments.listForCase(caseId).get(0);
		MvcResult result = this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + a.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Length", String.valueOf(TestFiles.PDF.length)))
			.andExpect(header().string("Content-Disposition",
					containsString("attachment; filename=\"Sykemelding AErlig Ovre.pdf\";")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''Sykemelding%20%C3%86rlig%20%C3%98vre.pdf")))
			.andReturn();
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(TestFiles.PDF);
	}

	@Test
	void attachmentsAnswerNotFoundOutsideTheirCaseAndToPeopleWhoMayNotSeeIt() throws Exception {
		long caseId = registerWith(TestFiles.file("lønn.txt", TestFiles.TEXT));
		long otherCase = registerWith(TestFiles.file("annen.txt", TestFiles.TEXT));
		UUID id = this.attachments.listForCase(caseId).get(0).id();
		UUID otherId = this.attachments.listForCase(otherCase).get(0).id();

		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id)).andExpect(status().isOk());
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + otherId)).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + UUID.randomUUID())).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/ikke-en-id")).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id).with(as("per"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id).with(as("admin"))).andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/saker/" + caseId + "/vedlegg").file(TestFiles.file("inn.pdf", TestFiles.PDF))
				.with(csrf().asHeader())
				.with(as("per")))
			.andExpect(status().isNotFound());
		assertThat(this.attachments.listForCase(caseId)).hasSize(1);
		// Rune (fagbruker regnskap at Kari's agency) sees her accounting cases, and so
		// their files.
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id).with(as("rune"))).andExpect(status().isOk());
	}

	@Test
	void attachmentsOfAnInternalNoteAreHiddenFromTheCustomer() throws Exception {
		long caseId = registerWith();
		long note = this.jdbc.queryForObject(
				"insert into message (case_id, author_id, author_side, body, internal, created_at) "
						+ "values (?, ?, 'CENTRE', 'Internt: sjekk bilaget', true, now()) returning id",
				Long.class, caseId, id("sverre"));
		UUID id = this.attachments
			.addToCase(List.of(TestFiles.file("internt notat.pdf", TestFiles.PDF)), caseId, note, id("sverre"))
			.get(0)
			.id();

		this.mvc.perform(get("/saker/" + caseId)).andExpect(content().string(not(containsString("internt notat.pdf"))));
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/" + caseId).with(as("sverre")))
			.andExpect(content().string(containsString("internt notat.pdf")));
		this.mvc.perform(get("/saker/" + caseId + "/vedlegg/" + id).with(as("sverre"))).andExpect(status().isOk());
	}

	@Test
	void addingNothingOrAWrongTypeToACaseSaysWhy() throws Exception {
		long caseId = registerWith();
		MvcResult result = this.mvc
			.perform(multipart("/saker/" + caseId + "/vedlegg").file(TestFiles.file("side.html", TestFiles.HTML))
				.with(csrf().asHeader()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		this.mvc.perform(get("/saker/" + caseId).cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("Vedleggene ble ikke lagt til")))
			.andExpect(content().string(containsString("«side.html» er en filtype vi ikke tar imot.")));
		result = this.mvc.perform(multipart("/saker/" + caseId + "/vedlegg").with(csrf().asHeader())).andReturn();
		this.mvc.perform(get("/saker/" + caseId).cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("Velg minst én fil.")));
		assertThat(this.attachments.listForCase(caseId)).isEmpty();
	}

	@Test
	void theScriptUploadsAndRemovesDraftsWithoutReloadingThePage() throws Exception {
		String items = this.mvc
			.perform(multipart("/saker/ny/vedlegg").file(TestFiles.file("kvittering.png", TestFiles.PNG))
				.with(csrf().asHeader()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li class=\"attachment-list__item\" data-draft>")))
			.andExpect(content().string(containsString("kvittering.png")))
			.andExpect(content().string(not(containsString("<html"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = draftIds(items).get(0);

		this.mvc
			.perform(multipart("/saker/ny/vedlegg").file(TestFiles.file("program.pdf", TestFiles.EXE))
				.with(csrf().asHeader()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("«program.pdf» er en filtype vi ikke tar imot.")));

		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett").with(csrf()).with(as("ola")))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett")).andExpect(status().isForbidden());
		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett").with(csrf())).andExpect(status().isNoContent());
		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void aRenamedWorkbookWithMacrosAndAZipBombAreRefusedWithTheirOwnMessagesAndNothingIsStored() throws Exception {
		int draftsBefore = this.jdbc.queryForObject(
				"select count(*) from attachment where added_by = ? and case_id is null", Integer.class, id("kari"));
		this.mvc
			.perform(multipart("/saker/ny/vedlegg").file(TestFiles.file("Timeliste.xlsx", OfficeFiles.xlsm()))
				.file(TestFiles.file("Rapport.docx", OfficeFiles.docxOfZeros(4096, true)))
				.with(csrf().asHeader()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("«Timeliste.xlsx» inneholder makroer.")))
			.andExpect(content().string(containsString("«Rapport.docx» blir mer enn 100 MB når innholdet pakkes ut")));
		assertThat(this.jdbc.queryForObject("select count(*) from attachment where added_by = ? and case_id is null",
				Integer.class, id("kari")))
			.isEqualTo(draftsBefore);
	}

	@Test
	void theNewCaseFormIsMultipartAndTheDefaultButtonRegisters() throws Exception {
		String form = this.mvc.perform(get("/saker/ny"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("enctype=\"multipart/form-data\"", "type=\"file\"", "multiple", "Last opp",
				"Høyst 25 MB per fil og 200 MB til sammen");
		assertThat(form.indexOf("type=\"submit\"")).isLessThan(form.indexOf("name=\"upload\""));
		assertThat(form.substring(form.indexOf("type=\"submit\"") - 100, form.indexOf("type=\"submit\"")))
			.doesNotContain("name=");
	}

}
