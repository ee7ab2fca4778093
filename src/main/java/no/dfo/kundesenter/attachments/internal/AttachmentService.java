package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.RateLimits;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentContent;
import no.dfo.kundesenter.attachments.AttachmentLimits;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.attachments.FileSize;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every way a file enters, leaves or is read from the portal, in one class so that no
 * path can store a file without the checks (type, limits, macros, ZIP bombs, virus scan)
 * or read one without the case's rule; hence its length.
 */
@Service
@Transactional
class AttachmentService implements Attachments {

	private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

	private static final String COLUMNS = "id, case_id, message_id, file_name, content_type, size_bytes, added_by, added_at";

	/** Advisory lock spaces: one case's total, one person's drafts. */
	private static final int CASE_LOCK = 0x41544331;

	private static final int DRAFTS_LOCK = 0x41544332;

	private final JdbcTemplate jdbc;

	private final FileStore store;

	private final AttachmentLimits limits;

	private final AuditTrail audit;

	private final long maxInflatedSize;

	private final VirusCheck virusCheck;

	private final RateLimits rateLimits;

	private final Clock clock;

	AttachmentService(JdbcTemplate jdbc, FileStore store, AttachmentSettings settings, AuditTrail audit,
			VirusCheck virusCheck, RateLimits rateLimits, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.rateLimits = rateLimits;
		this.limits = new AttachmentLimits(settings.maxFileSize().toBytes(), settings.maxCaseSize().toBytes(),
				settings.maxFilesPerUpload());
		this.maxInflatedSize = settings.maxInflatedSize().toBytes();
		this.virusCheck = virusCheck;
	}

	@Override
	public AttachmentLimits limits() {
		return this.limits;
	}

	@Override
	public List<Attachment> uploadDrafts(List<MultipartFile> files, long ownerId) {
		return store(files, ownerId, null, null);
	}

	@Override
	public List<Attachment> addToCase(List<MultipartFile> files, long caseId, @Nullable Long messageId, long addedBy) {
		return store(files, addedBy, caseId, messageId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Attachment> drafts(long ownerId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("select " + COLUMNS + " from attachment where added_by = ? and case_id is null "
				+ "and id = any(?) order by created_at, seq", (ps) -> {
					ps.setLong(1, ownerId);
					ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
				}, AttachmentService::attachment);
	}

	@Override
	public boolean deleteDraft(UUID id, long ownerId) {
		// Only the content of the row deleted here: an id is no proof of ownership.
		List<UUID> deleted = this.jdbc.queryForList(
				"delete from attachment where id = ? and added_by = ? and case_id is null returning id", UUID.class, id,
				ownerId);
		this.store.delete(deleted);
		deleted.forEach((d) -> this.audit.record(ownerId, AuditAction.ATTACHMENT_REMOVED, null, detail(d) + " draft"));
		return !deleted.isEmpty();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void claimDrafts(Collection<UUID> ids, long ownerId, long caseId, @Nullable Long messageId) {
		List<UUID> unique = List.copyOf(new LinkedHashSet<>(ids));
		if (unique.isEmpty()) {
			return;
		}
		lock(CASE_LOCK, caseId);
		PreparedStatementSetter draftsOfOwner = (ps) -> {
			ps.setArray(1, ps.getConnection().createArrayOf("uuid", unique.toArray()));
			ps.setLong(2, ownerId);
		};
		// Locks the drafts, so the cleanup job cannot delete one while it is claimed.
		List<Long> sizes = this.jdbc.query(
				"select size_bytes from attachment where id = any(?) and added_by = ? and case_id is null for update",
				draftsOfOwner, (rs, row) -> rs.getLong(1));
		if (sizes.size() != unique.size()) {
			throw new AttachmentRejectedException(List.of(Problem.of("attachment.draftGone")));
		}
		checkCaseTotal(caseId, sizes.stream().mapToLong(Long::longValue).sum());
		this.jdbc.update(
				"update attachment set case_id = ?, message_id = ?, added_at = ? where id = any(?) and added_by = ?",
				(ps) -> {
					ps.setLong(1, caseId);
					ps.setObject(2, messageId);
					ps.setObject(3, utc(now()));
					ps.setArray(4, ps.getConnection().createArrayOf("uuid", unique.toArray()));
					ps.setLong(5, ownerId);
				});
		unique.forEach((id) -> this.audit.record(ownerId, AuditAction.ATTACHMENT_ADDED, caseId,
				detail(id) + message(messageId)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Attachment> listForCase(long caseId) {
		return this.jdbc.query("select " + COLUMNS + " from attachment where case_id = ? order by added_at, seq",
				AttachmentService::attachment, caseId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AttachmentContent> open(long caseId, UUID attachmentId) {
		List<Attachment> found = this.jdbc.query("select " + COLUMNS + " from attachment where id = ? and case_id = ?",
				AttachmentService::attachment, attachmentId, caseId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		if (!this.store.exists(attachmentId)) {
			// Content deleted before V16 made that impossible: nothing left to send.
			log.warn("Attachment {} of case {} has no stored content", attachmentId, caseId);
			return Optional.empty();
		}
		try {
			return Optional.of(new AttachmentContent(found.get(0), this.store.read(attachmentId)));
		}
		catch (MissingContentException ex) {
			// Its object deleted in the store, or a database restored without the store's
			// objects: answered as a file that is gone, not as a failure.
			log.warn("Attachment {} of case {} cannot be read: {}", attachmentId, caseId, ex.getMessage());
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes up to {@code limit} drafts uploaded before the cutoff.
	 * @return how many were deleted
	 */
	int deleteDraftsUploadedBefore(Instant cutoff, int limit) {
		List<UUID> deleted = this.jdbc.queryForList("delete from attachment where id in (select id from attachment "
				+ "where case_id is null and created_at < ? order by created_at limit ? for update skip locked) "
				+ "returning id", UUID.class, utc(cutoff), limit);
		this.store.delete(deleted);
		deleted.forEach(
				(d) -> this.audit.recordBySystem(AuditAction.ATTACHMENT_REMOVED, null, detail(d) + " draft expired"));
		return deleted.size();
	}

	private List<Attachment> store(List<MultipartFile> files, long addedBy, @Nullable Long caseId,
			@Nullable Long messageId) {
		List<MultipartFile> chosen = files.stream().filter(AttachmentService::isChosen).toList();
		if (chosen.isEmpty()) {
			return List.of();
		}
		if (chosen.size() > this.limits.maxFilesPerUpload()) {
			throw new AttachmentRejectedException(List.of(Problem.of("attachment.tooMany",
					String.valueOf(this.limits.maxFilesPerUpload()), String.valueOf(chosen.size()))));
		}
		List<Problem> problems = new ArrayList<>();
		List<CheckedFile> accepted = new ArrayList<>();
		for (MultipartFile file : chosen) {
			String name = FileNames.clean(file.getOriginalFilename());
			Problem problem = check(file, name, accepted);
			if (problem != null) {
				problems.add(problem);
			}
		}
		if (!problems.isEmpty()) {
			throw new AttachmentRejectedException(problems);
		}
		long total = accepted.stream().mapToLong((c) -> c.file().getSize()).sum();
		checkTotal(caseId, addedBy, total);
		this.rateLimits.countUpload(addedBy, accepted.size(), total);
		this.virusCheck.scan(accepted, addedBy, caseId);
		Instant now = now();
		List<Attachment> stored = new ArrayList<>();
		for (CheckedFile checked : accepted) {
			UUID id = UUID.randomUUID();
			long size;
			try (InputStream in = checked.file().getInputStream()) {
				size = this.store.write(id, in);
			}
			catch (IOException ex) {
				throw new AttachmentRejectedException(List.of(Problem.of("attachment.unreadable", checked.name())));
			}
			stored.add(new Attachment(id, caseId, messageId, checked.name(), size, checked.type(), addedBy, now));
		}
		// Checked again under a lock: uploads running at the same time count too.
		if (caseId != null) {
			lock(CASE_LOCK, caseId);
		}
		else {
			lock(DRAFTS_LOCK, addedBy);
		}
		checkTotal(caseId, addedBy, stored.stream().mapToLong(Attachment::size).sum());
		for (Attachment a : stored) {
			this.jdbc.update(
					"insert into attachment (id, case_id, message_id, file_name, content_type, size_bytes, "
							+ "added_by, created_at, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					a.id(), a.caseId(), a.messageId(), a.name(), a.contentType(), a.size(), a.addedBy(), utc(now),
					utc(now));
			this.audit.record(addedBy, AuditAction.ATTACHMENT_ADDED, caseId,
					detail(a.id()) + ((caseId != null) ? message(messageId) : " draft"));
		}
		return stored;
	}

	private @Nullable Problem check(MultipartFile file, String name, List<CheckedFile> accepted) {
		if (file.isEmpty()) {
			return Problem.of("attachment.empty", name);
		}
		if (file.getSize() > this.limits.maxFileSize()) {
			return Problem.of("attachment.tooLarge", name, FileSize.format(file.getSize()),
					this.limits.displayMaxFileSize());
		}
		try {
			String type;
			try (InputStream in = file.getInputStream()) {
				type = ContentTypes.detect(in, name);
			}
			return switch (ContentTypes.check(type, file::getInputStream, this.maxInflatedSize)) {
				case TAKEN -> {
					accepted.add(new CheckedFile(file, name, type));
					yield null;
				}
				case WRONG_TYPE -> Problem.of("attachment.type", name);
				case MACROS -> Problem.of("attachment.macros", name);
				case INFLATES_TOO_MUCH ->
					Problem.of("attachment.inflatesTooMuch", name, FileSize.format(this.maxInflatedSize));
			};
		}
		catch (IOException ex) {
			return Problem.of("attachment.unreadable", name);
		}
	}

	private void checkTotal(@Nullable Long caseId, long addedBy, long adding) {
		if (caseId != null) {
			checkCaseTotal(caseId, adding);
			return;
		}
		long drafts = this.jdbc.queryForObject(
				"select coalesce(sum(size_bytes), 0) from attachment where case_id is null and added_by = ?",
				Long.class, addedBy);
		if (drafts + adding > this.limits.maxCaseSize()) {
			throw new AttachmentRejectedException(List
				.of(Problem.of("attachment.caseFull", this.limits.displayMaxCaseSize(), FileSize.format(drafts))));
		}
	}

	private void checkCaseTotal(long caseId, long adding) {
		long existing = this.jdbc.queryForObject(
				"select coalesce(sum(size_bytes), 0) from attachment where case_id = ?", Long.class, caseId);
		if (existing + adding > this.limits.maxCaseSize()) {
			throw new AttachmentRejectedException(List
				.of(Problem.of("attachment.caseFull", this.limits.displayMaxCaseSize(), FileSize.format(existing))));
		}
	}

	private void lock(int space, long key) {
		this.jdbc.query("select pg_advisory_xact_lock(?, ?)", (ResultSet rs) -> null, space,
				(int) (key ^ (key >>> 32)));
	}

	/** A file input left empty still sends a part, without name or content. */
	private static boolean isChosen(MultipartFile file) {
		String name = file.getOriginalFilename();
		return !(file.isEmpty() && (name == null || name.isBlank()));
	}

	private static String detail(UUID attachmentId) {
		return "attachment=" + attachmentId;
	}

	private static String message(@Nullable Long messageId) {
		return (messageId != null) ? " message=" + messageId : "";
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Attachment attachment(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getObject("id", UUID.class), (Long) rs.getObject("case_id"),
				(Long) rs.getObject("message_id"), rs.getString("file_name"), rs.getLong("size_bytes"),
				rs.getString("content_type"), rs.getLong("added_by"),
				rs.getObject("added_at", OffsetDateTime.class).toInstant());
	}

}
