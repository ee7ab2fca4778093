package no.dfo.kundesenter.api;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimits;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentContent;
import no.dfo.kundesenter.cases.AgencySystems;
import no.dfo.kundesenter.cases.AgencySystems.AttachmentDetails;
import no.dfo.kundesenter.cases.AgencySystems.CaseDetails;
import no.dfo.kundesenter.cases.AgencySystems.CaseFilter;
import no.dfo.kundesenter.cases.AgencySystems.CaseRequest;
import no.dfo.kundesenter.cases.AgencySystems.CaseSlice;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases for an agency's own systems. Every call counts against the agency's rate limit,
 * and every call that reads or changes a case is in the audit trail with the token's
 * client id. Writes on a case carry its version as {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/v1/saker", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "saker", description = "Cases of the agency the token acts for")
class CaseApiController {

	private static final String ID = "/{id:\\d{1,18}}";

	private final AgencySystems systems;

	private final IdempotentRegistrations registrations;

	private final RateLimits rateLimits;

	private final AuditTrail audit;

	private final ApiSettings settings;

	CaseApiController(AgencySystems systems, IdempotentRegistrations registrations, RateLimits rateLimits,
			AuditTrail audit, ApiSettings settings) {
		this.systems = systems;
		this.registrations = registrations;
		this.rateLimits = rateLimits;
		this.audit = audit;
		this.settings = settings;
	}

	@Operation(summary = "Register a case",
			description = "A retry with the same Idempotency-Key answers the first request's case (200) "
					+ "instead of registering another.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseDetails> register(@Parameter(hidden = true) ApiClient client, @RequestBody CaseRequest request,
			@Parameter(description = "Any 1 to 200 visible ASCII characters, unique per registration") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		PortalUser agency = agency(client);
		IdempotentRegistrations.Registered registered = this.registrations.register(agency, request, idempotencyKey);
		audit(client, registered.caseId(), registered.replayed() ? "register replayed" : "register");
		CaseDetails details = this.systems.read(registered.caseId(), agency);
		return ResponseEntity.status(registered.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/saker/" + details.id()))
			.eTag(etag(details.version()))
			.body(details);
	}

	@Operation(summary = "List the agency's cases",
			description = "Oldest change first; pass nextCursor as cursor for the next slice.")
	@GetMapping
	CaseSlice list(@Parameter(hidden = true) ApiClient client,
			@RequestParam(required = false) @Nullable CaseStatus status,
			@RequestParam(required = false) @Nullable Category category,
			@Parameter(description = "ISO 8601, e.g. 2026-12-01T00:00:00Z") @RequestParam(
					required = false) @DateTimeFormat(
							iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedSince,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		PortalUser agency = agency(client);
		int size = (limit == null || limit < 1 || limit > this.settings.pageSize()) ? this.settings.pageSize() : limit;
		CaseSlice slice = this.systems.list(agency, new CaseFilter(status, category, updatedSince), cursor, size);
		audit(client, null, "list cases=" + slice.cases().size());
		return slice;
	}

	@Operation(summary = "Read one case with its public messages and attachments")
	@GetMapping(ID)
	ResponseEntity<CaseDetails> read(@Parameter(hidden = true) ApiClient client, @PathVariable long id) {
		CaseDetails details = this.systems.read(id, agency(client));
		audit(client, id, "read");
		return ResponseEntity.ok().eTag(etag(details.version())).body(details);
	}

	@Operation(summary = "Add a message",
			description = "If-Match: the case's ETag. A closed or waiting case " + "becomes active again.")
	@PostMapping(path = ID + "/meldinger", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseDetails> postMessage(@Parameter(hidden = true) ApiClient client, @PathVariable long id,
			@RequestBody MessageRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return posted(client, id, request.message(), List.of(), ifMatch);
	}

	@Operation(summary = "Add a message with files", description = "multipart/form-data: message and files.")
	@PostMapping(path = ID + "/meldinger", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseDetails> postMessageWithFiles(@Parameter(hidden = true) ApiClient client, @PathVariable long id,
			@RequestPart(name = "message", required = false) @Nullable String message,
			@RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return posted(client, id, message, (files != null) ? files : List.of(), ifMatch);
	}

	private ResponseEntity<CaseDetails> posted(@Parameter(hidden = true) ApiClient client, long id,
			@Nullable String message, List<MultipartFile> files, @Nullable String ifMatch) {
		PortalUser agency = agency(client);
		CaseDetails details = this.systems.postMessage(id, agency, message, files, version(ifMatch, id, agency));
		audit(client, id, "message files=" + files.size());
		return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(details.version())).body(details);
	}

	@Operation(summary = "Add files to a case",
			description = "multipart/form-data with files; If-Match: the "
					+ "case's ETag. The same checks and limits as on the web.")
	@PostMapping(path = ID + "/vedlegg", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<List<AttachmentDetails>> addAttachments(@Parameter(hidden = true) ApiClient client,
			@PathVariable long id, @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PortalUser agency = agency(client);
		List<AttachmentDetails> added = this.systems.addAttachments(id, agency, (files != null) ? files : List.of(),
				version(ifMatch, id, agency));
		audit(client, id, "attachments=" + added.size());
		return ResponseEntity.status(HttpStatus.CREATED)
			.eTag(etag(this.systems.read(id, agency).version()))
			.body(added);
	}

	@Operation(summary = "Download an attachment")
	@GetMapping(path = ID + "/vedlegg/{attachmentId}", produces = MediaType.ALL_VALUE)
	void download(@Parameter(hidden = true) ApiClient client, @PathVariable long id, @PathVariable String attachmentId,
			HttpServletResponse response) throws IOException {
		PortalUser agency = agency(client);
		UUID uuid;
		try {
			uuid = UUID.fromString(attachmentId);
		}
		catch (IllegalArgumentException ex) {
			throw new CaseNotFoundException(id);
		}
		try (AttachmentContent opened = this.systems.openAttachment(id, uuid, agency)) {
			Attachment attachment = opened.attachment();
			audit(client, id, "download attachment=" + attachment.id());
			response.setContentType(attachment.contentType());
			response.setContentLengthLong(attachment.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString());
			opened.content().transferTo(response.getOutputStream());
		}
	}

	/** The agency the token acts for, its request counted. */
	private PortalUser agency(ApiClient client) {
		PortalUser agency = client.agency();
		this.rateLimits.countApiRequest(agency.organizationId());
		return agency;
	}

	private void audit(@Parameter(hidden = true) ApiClient client, @Nullable Long caseId, String operation) {
		this.audit.record(client.agency(), AuditAction.API_CALL, caseId,
				"client=" + client.clientId() + " " + operation);
	}

	/**
	 * The version an {@code If-Match} names; {@code *} is the current one.
	 * @throws PreconditionRequiredException without one
	 */
	private long version(@Nullable String ifMatch, long id, PortalUser agency) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequiredException();
		}
		String tag = ifMatch.strip();
		if (tag.equals("*")) {
			return this.systems.read(id, agency).version();
		}
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			// A tag this API never gave matches no version of the case.
			return -1;
		}
	}

	private static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * A message as an agency's system sends it.
	 */
	record MessageRequest(@Nullable String message) {
	}

	/** A write without {@code If-Match}. */
	static final class PreconditionRequiredException extends RuntimeException {

		PreconditionRequiredException() {
			super("If-Match required");
		}

	}

}
