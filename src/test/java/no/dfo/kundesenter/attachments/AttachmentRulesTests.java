package no.dfo.kundesenter.attachments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class AttachmentRulesTests {

	private static final int MB = 1024 * 1024;

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	private long owner;

	@BeforeEach
	void createOwner() {
		TestPeople people = new TestPeople(this.jdbc);
		this.owner = people.id(people.person("vedlegg", people.existing("910000004").id(), Role.REPORTER));
	}

	private long caseId() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
	}

	private int storedFor(long addedBy) {
		return this.jdbc.queryForObject("select count(*) from attachment where added_by = ?", Integer.class, addedBy);
	}

	private String text(AttachmentRejectedException.Problem problem) {
		return this.messages.getMessage(problem.code(), problem.args().toArray(), Locale.of("nb", "NO"));
	}

	private List<AttachmentRejectedException.Problem> rejected(List<MultipartFile> files) {
		var ex = org.assertj.core.api.Assertions.catchThrowableOfType(AttachmentRejectedException.class,
				() -> this.attachments.uploadDrafts(files, this.owner));
		assertThat(ex).isNotNull();
		return ex.problems();
	}

	@Test
	void theDefaultLimitsAreThoseOfTheServiceDescription() {
		assertThat(this.attachments.limits()).isEqualTo(new AttachmentLimits(25L * MB, 200L * MB, 20));
		assertThat(this.attachments.limits().displayMaxFileSize()).isEqualTo("25 MB");
	}

	@Test
	void aFileOverTwentyFiveMegabytesIsRefusedByNameAndNothingOfTheUploadIsStored() {
		var problems = rejected(List.of(TestFiles.file("liten.pdf", TestFiles.PDF),
				TestFiles.file("stor skanning.pdf", TestFiles.pdfOfSize(25 * MB + 1))));
		assertThat(problems).containsExactly(
				AttachmentRejectedException.Problem.of("attachment.tooLarge", "stor skanning.pdf", "25 MB", "25 MB"));
		assertThat(storedFor(this.owner)).isZero();
	}

	@Test
	void aFileOfExactlyTwentyFiveMegabytesIsTaken() {
		var stored = this.attachments.uploadDrafts(List.of(TestFiles.file("akkurat.pdf", TestFiles.pdfOfSize(25 * MB))),
				this.owner);
		assertThat(stored).singleElement().satisfies((a) -> {
			assertThat(a.size()).isEqualTo(25L * MB);
			assertThat(a.contentType()).isEqualTo("application/pdf");
			assertThat(a.caseId()).isNull();
		});
	}

	@Test
	void moreThanTwentyFilesAtOnceAreRefused() {
		List<MultipartFile> files = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			files.add(TestFiles.file("side" + i + ".pdf", TestFiles.PDF));
		}
		assertThat(rejected(files))
			.containsExactly(AttachmentRejectedException.Problem.of("attachment.tooMany", "20", "21"));
		assertThat(storedFor(this.owner)).isZero();
	}

	@Test
	void emptyFilesAndWrongTypesAreEachNamed() {
		var problems = rejected(List.of(TestFiles.file("tom.pdf", new byte[0]),
				TestFiles.file("faktura.pdf", TestFiles.EXE), TestFiles.file("side.html", TestFiles.HTML),
				TestFiles.file("arkiv.zip", TestFiles.ZIP), TestFiles.file("ok.png", TestFiles.PNG)));
		assertThat(problems).extracting(AttachmentRejectedException.Problem::code)
			.containsExactly("attachment.empty", "attachment.type", "attachment.type", "attachment.type");
		assertThat(problems).extracting((p) -> p.args().get(0))
			.containsExactly("tom.pdf", "faktura.pdf", "side.html", "arkiv.zip");
		assertThat(storedFor(this.owner)).isZero();
	}

	@Test
	void macrosAndZipBombsAreRefusedByContentEachWithItsOwnMessageAndNothingOfTheUploadIsStored() {
		var problems = rejected(List.of(TestFiles.file("Lønn.docx", OfficeFiles.docm()),
				TestFiles.file("Timer.xlsx", OfficeFiles.xlsm()), TestFiles.file("Gammel.doc", OfficeFiles.doc(true)),
				TestFiles.file("Bilag.docx", OfficeFiles.docxOfZeros(1024, true)),
				TestFiles.file("ok.docx", OfficeFiles.docx())));
		assertThat(problems).containsExactly(AttachmentRejectedException.Problem.of("attachment.macros", "Lønn.docx"),
				AttachmentRejectedException.Problem.of("attachment.macros", "Timer.xlsx"),
				AttachmentRejectedException.Problem.of("attachment.macros", "Gammel.doc"),
				AttachmentRejectedException.Problem.of("attachment.inflatesTooMuch", "Bilag.docx", "100 MB"));
		assertThat(problems).extracting(this::text)
			.containsExactly(
					"«Lønn.docx» inneholder makroer. Vi tar ikke imot dokumenter med makroer. Lagre dokumentet uten "
							+ "makroer (for eksempel som .docx, .xlsx eller PDF) og last det opp på nytt.",
					"«Timer.xlsx» inneholder makroer. Vi tar ikke imot dokumenter med makroer. Lagre dokumentet uten "
							+ "makroer (for eksempel som .docx, .xlsx eller PDF) og last det opp på nytt.",
					"«Gammel.doc» inneholder makroer. Vi tar ikke imot dokumenter med makroer. Lagre dokumentet uten "
							+ "makroer (for eksempel som .docx, .xlsx eller PDF) og last det opp på nytt.",
					"«Bilag.docx» blir mer enn 100 MB når innholdet pakkes ut (Word-, Excel- og OpenDocument-filer er "
							+ "pakket sammen). Så store dokumenter tar vi ikke imot. Lagre dokumentet som PDF eller del "
							+ "det opp i mindre filer, og last det opp på nytt.");
		assertThat(storedFor(this.owner)).isZero();
	}

	@Test
	void withoutClamdConfiguredNothingIsScannedAndUploadsWorkAsBefore() throws Exception {
		byte[] withTestSignature = ("Notat " + new String(ClamdServer.TEST_SIGNATURE, StandardCharsets.US_ASCII))
			.getBytes(StandardCharsets.US_ASCII);
		long caseId = caseId();
		var stored = this.attachments.addToCase(List.of(TestFiles.file("notat.txt", withTestSignature)), caseId, null,
				this.owner);
		try (var opened = this.attachments.open(caseId, stored.get(0).id()).orElseThrow()) {
			assertThat(opened.content().readAllBytes()).isEqualTo(withTestSignature);
		}
	}

	@Test
	void aFileInputLeftEmptyIsNoFileAtAll() {
		var nothingChosen = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);
		assertThat(this.attachments.uploadDrafts(List.of(nothingChosen), this.owner)).isEmpty();
	}

	/** Files already on a case, as the size check sees them (no content needed). */
	private void caseAlreadyHolds(long caseId, long bytes) {
		java.util.UUID id = java.util.UUID.randomUUID();
		this.jdbc.update("insert into attachment_blob (id, key_id, wrapped_key, size_bytes, chunk_count) "
				+ "values (?, 'test', '\\x00', ?, 0)", id, bytes);
		this.jdbc.update(
				"insert into attachment (id, case_id, file_name, content_type, size_bytes, added_by, "
						+ "created_at, added_at) values (?, ?, 'tidligere.pdf', 'application/pdf', ?, ?, now(), now())",
				id, caseId, bytes, this.owner);
	}

	@Test
	void aCaseHoldsAtMostTwoHundredMegabytes() {
		long caseId = caseId();
		caseAlreadyHolds(caseId, 200L * MB - TestFiles.PDF.length);
		this.attachments.addToCase(List.of(TestFiles.file("akkurat nok.pdf", TestFiles.PDF)), caseId, null, this.owner);
		assertThatExceptionOfType(AttachmentRejectedException.class)
			.isThrownBy(() -> this.attachments.addToCase(List.of(TestFiles.file("en til.pdf", TestFiles.PDF)), caseId,
					null, this.owner))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(AttachmentRejectedException.Problem.of("attachment.caseFull", "200 MB", "200 MB")));
		assertThat(this.attachments.listForCase(caseId)).hasSize(2);
	}

	@Test
	void claimingDraftsChecksTheCaseTotalAndThatTheDraftsAreStillThere() {
		long caseId = caseId();
		this.attachments.addToCase(List.of(TestFiles.file("stor.pdf", TestFiles.PDF)), caseId, null, this.owner);
		var draft = this.attachments.uploadDrafts(List.of(TestFiles.file("notat.txt", TestFiles.TEXT)), this.owner)
			.get(0);
		TestPeople people = new TestPeople(this.jdbc);
		long otherOwner = people.id(people.person("annen", people.existing("910000004").id(), Role.REPORTER));
		assertThatExceptionOfType(AttachmentRejectedException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult(
					(tx) -> this.attachments.claimDrafts(List.of(draft.id()), otherOwner, caseId, 7L)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(AttachmentRejectedException.Problem::code)
				.containsExactly("attachment.draftGone"));

		caseAlreadyHolds(caseId + 1, 200L * MB);
		assertThatExceptionOfType(AttachmentRejectedException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult(
					(tx) -> this.attachments.claimDrafts(List.of(draft.id()), this.owner, caseId + 1, 7L)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(AttachmentRejectedException.Problem::code)
				.containsExactly("attachment.caseFull"));

		this.transactions
			.executeWithoutResult((tx) -> this.attachments.claimDrafts(List.of(draft.id()), this.owner, caseId, 7L));
		assertThat(this.attachments.listForCase(caseId)).extracting(Attachment::name, Attachment::messageId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("stor.pdf", null),
					org.assertj.core.groups.Tuple.tuple("notat.txt", 7L));
		assertThat(this.attachments.drafts(this.owner, List.of(draft.id()))).isEmpty();
	}

	@Test
	void anAttachmentIsOpenedOnlyThroughItsOwnCase() throws Exception {
		long caseId = caseId();
		var stored = this.attachments.addToCase(List.of(TestFiles.file("bilde.png", TestFiles.PNG)), caseId, null,
				this.owner);
		java.util.UUID id = stored.get(0).id();
		assertThat(this.attachments.open(caseId + 1, id)).isEmpty();
		try (var opened = this.attachments.open(caseId, id).orElseThrow()) {
			assertThat(opened.content().readAllBytes()).isEqualTo(TestFiles.PNG);
			assertThat(opened.attachment().contentType()).isEqualTo("image/png");
		}
	}

	@Test
	void claimingNeedsTheCallersTransaction() {
		assertThatExceptionOfType(org.springframework.transaction.IllegalTransactionStateException.class)
			.isThrownBy(() -> this.attachments.claimDrafts(List.of(java.util.UUID.randomUUID()), this.owner, 1, null));
	}

}
