package no.dfo.kundesenter.attachments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every upload goes through a real clamd when one is configured ({@link ClamdServer},
 * with a signature of our own). Tests in this class run one after another: one of them
 * stops clamd.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AntivirusTests {

	private static ClamdServer clamd;

	private static final Locale BOKMAL = Locale.of("nb", "NO");

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private long person;

	@DynamicPropertySource
	static void clamd(DynamicPropertyRegistry registry) {
		registry.add("portal.attachments.clamd.host", () -> "127.0.0.1");
		registry.add("portal.attachments.clamd.port", () -> clamd.port());
		registry.add("portal.attachments.clamd.timeout", () -> "10s");
	}

	@BeforeAll
	static void startClamd() {
		clamd = ClamdServer.onFreePort();
		clamd.start();
	}

	@AfterEach
	void clamdRunsAgain() {
		clamd.start();
	}

	@AfterAll
	static void stopClamd() {
		if (clamd != null) {
			clamd.close();
		}
	}

	@BeforeEach
	void newPerson() {
		TestPeople people = new TestPeople(this.jdbc);
		this.person = people.id(people.person("virus", people.existing("910000004").id()));
	}

	/** A text file with the test signature in the middle, like a virus in a document. */
	static MockMultipartFile infected(String name) {
		var content = new java.io.ByteArrayOutputStream();
		content.writeBytes("Timeliste for mars\n".getBytes(StandardCharsets.UTF_8));
		content.writeBytes(ClamdServer.TEST_SIGNATURE);
		content.writeBytes("\nSum: 162,5 timer\n".getBytes(StandardCharsets.UTF_8));
		return TestFiles.file(name, content.toByteArray());
	}

	/** A PDF of several chunks that differs from the signature by its last byte only. */
	static byte[] cleanPdf(int size) {
		byte[] pdf = TestFiles.pdfOfSize(size);
		byte[] almost = ClamdServer.TEST_SIGNATURE.clone();
		almost[almost.length - 1] = '!';
		System.arraycopy(almost, 0, pdf, size / 2, almost.length);
		return pdf;
	}

	private long caseId() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
	}

	private int attachmentsOf(long addedBy) {
		return this.jdbc.queryForObject("select count(*) from attachment where added_by = ?", Integer.class, addedBy);
	}

	private long blobs() {
		return this.jdbc.queryForObject("select count(*) from attachment_blob", Long.class);
	}

	/**
	 * What the virus check wrote in the audit trail (stored files have lines of their
	 * own).
	 */
	private List<Map<String, Object>> auditOf(long actorId) {
		return this.jdbc.queryForList("select action, case_id, detail from audit_event where actor_id = ? "
				+ "and action = 'ATTACHMENT_INFECTED' order by id", actorId);
	}

	private List<Problem> refused(Runnable upload) {
		var ex = catchThrowableOfType(AttachmentRejectedException.class, upload::run);
		assertThat(ex).as("the upload is refused").isNotNull();
		return ex.problems();
	}

	private String text(Problem problem) {
		return this.messages.getMessage(problem.code(), problem.args().toArray(), BOKMAL);
	}

	@Test
	void anInfectedDraftRefusesTheWholeUploadIsNamedAndAuditedAndNothingIsStored() {
		long blobsBefore = blobs();
		List<MultipartFile> files = List.of(TestFiles.file("kvittering.pdf", TestFiles.PDF), infected("timeliste.txt"));
		var problems = refused(() -> this.attachments.uploadDrafts(files, this.person));
		assertThat(problems).containsExactly(Problem.of("attachment.infected", "timeliste.txt"));
		assertThat(text(problems.get(0)))
			.isEqualTo("«timeliste.txt» ble stoppet av viruskontrollen og er ikke lagret.");
		assertThat(attachmentsOf(this.person)).isZero();
		assertThat(blobs()).isEqualTo(blobsBefore);
		assertThat(auditOf(this.person))
			.extracting((row) -> row.get("action"), (row) -> row.get("case_id"), (row) -> row.get("detail"))
			.containsExactly(
					tuple("ATTACHMENT_INFECTED", null, "signature=" + ClamdServer.SIGNATURE_NAME + " file=2 of 2"));
	}

	@Test
	void theAuditLineStaysWhenTheCallersTransactionRollsBackAndEveryWayOfAddingToACaseIsScanned() {
		long caseId = caseId();
		long blobsBefore = blobs();
		refused(() -> this.transactions.executeWithoutResult(
				(tx) -> this.attachments.addToCase(List.of(infected("melding.txt")), caseId, 42L, this.person)));
		refused(() -> this.transactions.executeWithoutResult(
				(tx) -> this.attachments.addToCase(List.of(infected("vedlegg.txt")), caseId, null, this.person)));
		assertThat(this.attachments.listForCase(caseId)).isEmpty();
		assertThat(blobs()).isEqualTo(blobsBefore);
		String detail = "signature=" + ClamdServer.SIGNATURE_NAME + " file=1 of 1";
		assertThat(auditOf(this.person)).extracting((row) -> row.get("case_id"), (row) -> row.get("detail"))
			.containsExactly(tuple(caseId, detail), tuple(caseId, detail));
	}

	@Test
	void aCleanFileIsStoredAndDownloadsByteForByte() throws Exception {
		long caseId = caseId();
		byte[] pdf = cleanPdf(ClamdServer.STREAM_MAX_LENGTH - 1024);
		var stored = this.attachments.addToCase(List.of(TestFiles.file("lønnsslipp.pdf", pdf)), caseId, null,
				this.person);
		try (var opened = this.attachments.open(caseId, stored.get(0).id()).orElseThrow()) {
			assertThat(opened.content().readAllBytes()).isEqualTo(pdf);
		}
		assertThat(auditOf(this.person)).isEmpty();
	}

	@Test
	void whenClamdIsDownTheUploadIsRefusedAskingToTryAgainLaterAndNothingIsStored() {
		clamd.stop();
		long blobsBefore = blobs();
		var problems = refused(() -> this.attachments
			.uploadDrafts(List.of(TestFiles.file("kvittering.pdf", TestFiles.PDF)), this.person));
		assertThat(problems).containsExactly(Problem.of("attachment.scanUnavailable"));
		assertThat(text(problems.get(0))).containsIgnoringCase("prøv igjen senere");
		assertThat(attachmentsOf(this.person)).isZero();
		assertThat(blobs()).isEqualTo(blobsBefore);
	}

	@Test
	void anErrorReplyFromClamdRefusesTheUploadToo() {
		long blobsBefore = blobs();
		byte[] tooLongForClamd = cleanPdf(ClamdServer.STREAM_MAX_LENGTH + 1024 * 1024);
		var problems = refused(() -> this.attachments
			.uploadDrafts(List.of(TestFiles.file("skanning.pdf", tooLongForClamd)), this.person));
		assertThat(problems).containsExactly(Problem.of("attachment.scanUnavailable"));
		assertThat(attachmentsOf(this.person)).isZero();
		assertThat(blobs()).isEqualTo(blobsBefore);
	}

	@Test
	void theNewCaseFormSaysWhichFileWasStoppedAndThatNothingWasStoredWhenClamdIsDown() throws Exception {
		var kari = user(this.users.loadUserByUsername("kari"));
		this.mvc.perform(
				multipart("/saker/ny/vedlegg").file(infected("Timeliste mars.txt")).with(csrf().asHeader()).with(kari))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("«Timeliste mars.txt» ble stoppet av viruskontrollen og er ikke lagret.")));
		clamd.stop();
		this.mvc
			.perform(multipart("/saker/ny/vedlegg").file(TestFiles.file("kvittering.pdf", TestFiles.PDF))
				.with(csrf().asHeader())
				.with(kari))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("ingenting av det du lastet opp, er lagret. Prøv igjen senere.")));
	}

}
