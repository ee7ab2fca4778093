package no.dfo.kundesenter.cases.page;

import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.access.internal.PortalUserDetails;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nobody destroys a file someone else sent: the draft endpoints remove only the caller's
 * own drafts, and a file that is part of a case is never removed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentRemovalTests {

	private static final byte[] SICK_NOTE = TestFiles.pdfOfSize(300 * 1024);

	@Autowired
	MockMvc mvc;

	@Autowired
	Attachments attachments;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private long olasCase;

	private UUID olasFile;

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private long id(String username) {
		return ((PortalUserDetails) this.users.loadUserByUsername(username)).getUser().id();
	}

	@BeforeEach
	void olaSendsASickNote() throws Exception {
		String location = this.mvc
			.perform(multipart("/saker").file(TestFiles.file("sykemelding.pdf", SICK_NOTE))
				.param("category", "PAYROLL")
				.param("subject", "Sykemelding")
				.param("message", "Vedlagt er sykemeldingen.")
				.param("voucher", "nei")
				.with(csrf().asHeader())
				.with(as("ola")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.olasCase = Long.parseLong(location.substring("/saker/".length()));
		this.olasFile = this.attachments.listForCase(this.olasCase).get(0).id();
	}

	private byte[] download(String username) throws Exception {
		return this.mvc.perform(get("/saker/" + this.olasCase + "/vedlegg/" + this.olasFile).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private int removals(UUID attachment) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'ATTACHMENT_REMOVED' and detail like ?", Integer.class,
				"attachment=" + attachment + "%");
	}

	@Test
	void aFagbrukerWhoSeesTheCaseCannotRemoveItsFileThroughTheDraftEndpoint() throws Exception {
		// Lise (fagbruker lønn at Ola's agency) sees the case and its file's id.
		assertThat(download("lise")).isEqualTo(SICK_NOTE);

		this.mvc.perform(post("/saker/ny/vedlegg/" + this.olasFile + "/slett").with(csrf()).with(as("lise")))
			.andExpect(status().isNotFound());

		assertThat(download("ola")).isEqualTo(SICK_NOTE);
		assertThat(download("siri")).isEqualTo(SICK_NOTE);
		assertThat(removals(this.olasFile)).isZero();
	}

	@Test
	void noOneRemovesAFileOnACaseNotEvenTheOneWhoSentIt() throws Exception {
		for (String username : List.of("ola", "kari", "per", "siri")) {
			this.mvc.perform(post("/saker/ny/vedlegg/" + this.olasFile + "/slett").with(csrf()).with(as(username)))
				.andExpect(status().isNotFound());
		}
		// Without JavaScript, ✕ on the new-case form names the file to remove.
		this.mvc
			.perform(multipart("/saker").param("removeAttachment", this.olasFile.toString())
				.param("attachmentIds", this.olasFile.toString())
				.param("subject", "Prøver")
				.with(csrf().asHeader())
				.with(as("lise")))
			.andExpect(status().isOk());

		assertThat(download("ola")).isEqualTo(SICK_NOTE);
		assertThat(this.attachments.listForCase(this.olasCase)).extracting(Attachment::id)
			.containsExactly(this.olasFile);
	}

	@Test
	void theDatabaseItselfKeepsTheFilesOfACase() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from attachment_blob where id = ?", this.olasFile));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from attachment where id = ?", this.olasFile));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.update("update attachment set case_id = case_id + 1 where id = ?", this.olasFile));
		assertThat(this.jdbc.queryForObject("select count(*) from attachment_chunk where blob_id = ?", Integer.class,
				this.olasFile))
			.isEqualTo(2);
	}

	@Test
	void removingOnesOwnDraftRemovesItsContentAndIsAudited() throws Exception {
		UUID draft = this.attachments.uploadDrafts(List.of(TestFiles.file("feil fil.pdf", TestFiles.PDF)), id("ola"))
			.get(0)
			.id();

		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett").with(csrf()).with(as("lise")))
			.andExpect(status().isNotFound());
		assertThat(this.attachments.drafts(id("ola"), List.of(draft))).hasSize(1);

		this.mvc.perform(post("/saker/ny/vedlegg/" + draft + "/slett").with(csrf()).with(as("ola")))
			.andExpect(status().isNoContent());

		assertThat(this.attachments.drafts(id("ola"), List.of(draft))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from attachment_blob where id = ?", Integer.class, draft))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where actor_id = ? and detail like ? order by id", String.class,
				id("ola"), "attachment=" + draft + "%"))
			.containsExactly("ATTACHMENT_ADDED", "ATTACHMENT_REMOVED");
	}

	@Test
	void everyFileAddedToACaseIsAudited() {
		assertThat(this.jdbc.queryForList("select action from audit_event where case_id = ? and detail like ?",
				String.class, this.olasCase, "attachment=" + this.olasFile + "%"))
			.containsExactly("ATTACHMENT_ADDED");
	}

}
