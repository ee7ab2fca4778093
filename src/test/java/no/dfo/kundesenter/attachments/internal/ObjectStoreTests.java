package no.dfo.kundesenter.attachments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.dfo.kundesenter.access.internal.PortalUserDetails;
import no.dfo.kundesenter.attachments.ObjectStoreServer;
import no.dfo.kundesenter.attachments.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attachments kept in an S3-compatible store (s3proxy in this JVM): through the portal's
 * own pages, with the portal's encryption, deleted with their drafts, and with keys
 * rotated in the database only.
 */
@SpringBootTest(
		properties = { "portal.attachments.store=s3", "portal.attachments.s3.bucket=" + ObjectStoreServer.BUCKET,
				"portal.attachments.s3.region=eu-north-1", "portal.attachments.s3.path-style=true",
				"portal.attachments.s3.prefix=vedlegg/", "portal.attachments.s3.sweep-initial-delay=PT2H" })
@AutoConfigureMockMvc
@Import(ObjectStoreTests.Credentials.class)
@WithUserDetails("kari")
class ObjectStoreTests {

	private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	/** The demo profile's key (application-demo.properties). */
	private static final String DEMO_KEY = "ZGVtby1rZXktZm9yLWt1bmRlc2VudGVyLWRlbW8tMDE=";

	/** Plain text no ciphertext would hold: a name and a national identity number. */
	private static final String SECRET = "Lønnsslipp for Kari Nordmann, fødselsnummer 01017012345. ";

	@DynamicPropertySource
	static void objectStore(DynamicPropertyRegistry registry) {
		registry.add("portal.attachments.s3.endpoint", () -> ObjectStoreServer.shared().endpoint());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Credentials {

		@Bean
		AwsCredentialsProvider objectStoreCredentials() {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(ObjectStoreServer.ACCESS_KEY, ObjectStoreServer.SECRET_KEY));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FileStore store;

	@Autowired
	S3Client s3;

	@Autowired
	AttachmentService attachments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	UserDetailsService users;

	/** Larger than one part of a multipart upload, and not a whole number of chunks. */
	private static byte[] largeText() {
		byte[] line = SECRET.getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[S3FileStore.PART_CHUNKS * SealedChunks.CHUNK_SIZE + 300_000];
		for (int i = 0; i < content.length; i++) {
			content[i] = line[i % line.length];
		}
		return content;
	}

	private long register(MockMultipartFile... files) throws Exception {
		var request = multipart("/saker");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		String location = this.mvc
			.perform(request.param("category", "ACCOUNTING")
				.param("subject", "Lønnsslipp")
				.param("message", "Se vedlegg.")
				.with(csrf().asHeader()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/saker/\\d+");
		return Long.parseLong(location.substring("/saker/".length()));
	}

	private List<UUID> attachmentsOf(long caseId) {
		return this.jdbc.queryForList("select id from attachment where case_id = ? order by seq", UUID.class, caseId);
	}

	private byte[] object(UUID id) throws IOException {
		try (InputStream in = this.s3.getObject((g) -> g.bucket(ObjectStoreServer.BUCKET).key("vedlegg/" + id))) {
			return in.readAllBytes();
		}
	}

	private boolean objectExists(UUID id) {
		try {
			this.s3.headObject((h) -> h.bucket(ObjectStoreServer.BUCKET).key("vedlegg/" + id));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
	}

	private long kari() {
		return ((PortalUserDetails) this.users.loadUserByUsername("kari")).getUser().id();
	}

	private UUID write(FileStore target, byte[] content) {
		UUID id = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			try {
				target.write(id, new ByteArrayInputStream(content));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return id;
	}

	private static byte[] readAll(FileStore source, UUID id) throws IOException {
		try (InputStream in = source.read(id)) {
			return in.readAllBytes();
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Test
	void theObjectStoreIsChosenByConfiguration() {
		assertThat(this.store).isInstanceOf(S3FileStore.class);
	}

	@Test
	void filesUploadedWithACaseAreKeptAsCiphertextInTheObjectStoreAndDownloadByteForByte() throws Exception {
		byte[] large = largeText();
		long caseId = register(TestFiles.file("lønnsslipp.txt", large), TestFiles.file("skjerm.png", TestFiles.PNG));
		List<UUID> ids = attachmentsOf(caseId);
		assertThat(ids).hasSize(2);

		for (int i = 0; i < 2; i++) {
			byte[] plain = (i == 0) ? large : TestFiles.PNG;
			UUID id = ids.get(i);
			byte[] raw = object(id);
			int chunks = (plain.length + SealedChunks.CHUNK_SIZE - 1) / SealedChunks.CHUNK_SIZE;
			assertThat(raw).as("sealed chunks, nothing else").hasSize(plain.length + chunks * SealedChunks.OVERHEAD);
			assertThat(this.jdbc
				.queryForMap("select stored_in, chunk_count, size_bytes from attachment_blob where id = ?", id))
				.containsEntry("stored_in", "s3")
				.containsEntry("chunk_count", chunks)
				.containsEntry("size_bytes", (long) plain.length);
			assertThat(
					this.jdbc.queryForObject("select count(*) from attachment_chunk where blob_id = ?", Long.class, id))
				.as("no content in the database")
				.isZero();

			byte[] downloaded = this.mvc.perform(get("/saker/{id}/vedlegg/{a}", caseId, id))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(downloaded).isEqualTo(plain);
		}
		byte[] raw = object(ids.get(0));
		assertThat(contains(raw, "Kari Nordmann".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(contains(raw, "01017012345".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(contains(raw, TestFiles.PNG)).isFalse();
	}

	@Test
	void aDraftRemovedWithTheCrossTakesItsObjectWithIt() throws Exception {
		UUID draft = this.attachments.uploadDrafts(List.of(TestFiles.file("feil.pdf", TestFiles.PDF)), kari())
			.get(0)
			.id();
		assertThat(objectExists(draft)).isTrue();

		this.mvc.perform(post("/saker/ny/vedlegg/{id}/slett", draft).with(csrf().asHeader()))
			.andExpect(status().isNoContent());

		assertThat(objectExists(draft)).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from attachment_blob where id = ?", Long.class, draft))
			.isZero();
	}

	@Test
	void anExpiredDraftDeletedByTheCleanupTakesItsObjectWithIt() {
		UUID draft = this.attachments.uploadDrafts(List.of(TestFiles.file("gammel.pdf", TestFiles.PDF)), kari())
			.get(0)
			.id();
		this.jdbc.update("update attachment set created_at = timestamptz '2001-01-01 00:00Z' where id = ?", draft);

		int deleted = this.attachments.deleteDraftsUploadedBefore(Instant.parse("2001-01-02T00:00:00Z"), 100);

		assertThat(deleted).isPositive();
		assertThat(objectExists(draft)).isFalse();
	}

	@Test
	void aFileWhoseObjectIsGoneAnswersNotFoundAndTheCaseStillOpens() throws Exception {
		long caseId = register(TestFiles.file("borte.pdf", TestFiles.PDF));
		UUID id = attachmentsOf(caseId).get(0);
		this.s3.deleteObject((d) -> d.bucket(ObjectStoreServer.BUCKET).key("vedlegg/" + id));

		this.mvc.perform(get("/saker/{id}/vedlegg/{a}", caseId, id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/saker/{id}", caseId)).andExpect(status().isOk());
	}

	@Autowired
	ObjectStoreSweep sweep;

	@Test
	void anObjectWhoseTransactionRolledBackHasNoRowAndIsSweptOnceOld() {
		UUID id = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			try {
				this.store.write(id, new ByteArrayInputStream(TestFiles.PDF));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			tx.setRollbackOnly();
		});

		assertThat(objectExists(id)).as("left over, harmless").isTrue();
		assertThat(this.store.exists(id)).isFalse();
		assertThatExceptionOfType(MissingContentException.class).isThrownBy(() -> this.store.read(id));
		UUID kept = write(this.store, TestFiles.PDF);

		assertThat(this.sweep.sweep(Instant.now().minus(ObjectStoreSweep.MIN_AGE))).as("too young").isZero();
		assertThat(this.sweep.sweep(Instant.now().plusSeconds(60))).isPositive();

		assertThat(objectExists(id)).isFalse();
		assertThat(objectExists(kept)).isTrue();
	}

	@Test
	void rotatingTheKeyRewrapsOnlyTheKeyInTheDatabaseAndLeavesTheObjectAsItIs() throws IOException {
		S3FileStore old = new S3FileStore(this.s3, ObjectStoreServer.BUCKET, "vedlegg/", this.jdbc,
				new ContentCipher("k2025", Map.of("k2025", OLD_KEY)));
		byte[] content = SECRET.repeat(10_000).getBytes(StandardCharsets.UTF_8);
		UUID id = write(old, content);
		byte[] before = object(id);

		var rotating = new ContentCipher("demo", Map.of("demo", DEMO_KEY, "k2025", OLD_KEY));
		new KeyRotation(this.jdbc, rotating, this.transactions).rewrap();

		assertThat(this.jdbc.queryForObject("select key_id from attachment_blob where id = ?", String.class, id))
			.isEqualTo("demo");
		assertThat(object(id)).as("the object is not written again").isEqualTo(before);
		assertThat(readAll(this.store, id)).as("read with the demo key alone").isEqualTo(content);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(old, id));
	}

	@Test
	void filesStoredInTheDatabaseBeforeTheObjectStoreWasChosenStayReadable() throws IOException {
		var before = new PostgresFileStore(this.jdbc, new ContentCipher("demo", Map.of("demo", DEMO_KEY)));
		byte[] content = "fra før".repeat(100_000).getBytes(StandardCharsets.UTF_8);
		UUID id = write(before, content);

		assertThat(readAll(this.store, id)).isEqualTo(content);
		assertThat(objectExists(id)).isFalse();
	}

	@Test
	void switchedBackToTheDatabaseAFileInTheObjectStoreIsRefusedByNameNotReadAsMissing() {
		UUID id = write(this.store, TestFiles.PDF);
		var database = new PostgresFileStore(this.jdbc, new ContentCipher("demo", Map.of("demo", DEMO_KEY)));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(database, id))
			.isNotInstanceOf(MissingContentException.class)
			.withMessageContaining("object store (s3)");
	}

	@Test
	void anObjectAlteredInTheStoreFailsToRead() throws IOException {
		UUID id = write(this.store, TestFiles.PDF);
		byte[] raw = object(id);
		raw[raw.length / 2] ^= 1;
		this.s3.putObject((p) -> p.bucket(ObjectStoreServer.BUCKET).key("vedlegg/" + id),
				software.amazon.awssdk.core.sync.RequestBody.fromBytes(raw));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> readAll(this.store, id))
			.withMessageContaining("failed authentication");
	}

	@Test
	void theCheckAfterARestoreReadsEveryFileAndNamesThoseWhoseObjectIsGone() throws IOException {
		UUID readable = write(this.store, largeText());
		UUID gone = write(this.store, TestFiles.PDF);
		this.s3.deleteObject((d) -> d.bucket(ObjectStoreServer.BUCKET).key("vedlegg/" + gone));

		StoredFilesCheck.Result result = new StoredFilesCheck(this.jdbc, this.store).check();

		assertThat(result.unreadable()).contains(gone).doesNotContain(readable);
		assertThat(result.readable()).isPositive();
		assertThat(result.files()).isEqualTo(result.readable() + result.unreadable().size());
		assertThat(result.bytes()).isGreaterThanOrEqualTo(largeText().length);
	}

	@Test
	void healthShowsTheObjectStoreWithoutMakingItPartOfReadiness() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.objectStore.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(jsonPath("$.components.objectStore").doesNotExist());
	}

}
