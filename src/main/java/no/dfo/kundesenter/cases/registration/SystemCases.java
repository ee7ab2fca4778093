package no.dfo.kundesenter.cases.registration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.attachments.Attachment;
import no.dfo.kundesenter.attachments.AttachmentContent;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.cases.AgencySystems;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseRequestInvalidException;
import no.dfo.kundesenter.cases.CaseRequestInvalidException.FieldProblem;
import no.dfo.kundesenter.cases.CaseVersionMismatchException;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.AuthorSide;
import no.dfo.kundesenter.cases.core.Case;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.cases.core.CaseActions;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import no.dfo.kundesenter.cases.core.CaseRepository;
import no.dfo.kundesenter.cases.core.Message;
import no.dfo.kundesenter.cases.core.PaymentVoucher;
import no.dfo.kundesenter.cases.page.CasePages;
import no.dfo.kundesenter.cases.page.Conversation;
import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API's way to cases: the new-case form's rules and {@link CaseRegistration},
 * {@link Conversation} and the access policy, as the web uses them.
 */
@Service
@Transactional
class SystemCases implements AgencySystems {

	/** The new-case form's fields by the API's names. */
	private static final Map<String, String> FIELDS = Map.of("employeeNumber", "voucher.employeeNumber", "employeeName",
			"voucher.employeeName", "payPeriod", "voucher.payPeriod", "amount", "voucher.amount", "voucherNote",
			"voucher.note");

	private final CaseRegistration registration;

	private final Conversation conversation;

	private final CaseRepository cases;

	private final CaseActions actions;

	private final UserDirectory directory;

	private final Attachments attachments;

	private final CaseAccess access;

	private final CasePages pages;

	SystemCases(CaseRegistration registration, Conversation conversation, CaseRepository cases, CaseActions actions,
			UserDirectory directory, Attachments attachments, CaseAccess access, CasePages pages) {
		this.access = access;
		this.pages = pages;
		this.registration = registration;
		this.conversation = conversation;
		this.cases = cases;
		this.actions = actions;
		this.directory = directory;
		this.attachments = attachments;
	}

	@Override
	public long register(PortalUser agency, CaseRequest request) {
		VoucherRequest voucher = request.voucher();
		NewCaseForm form = new NewCaseForm(clean(request.category()), clean(request.subject()),
				clean(request.message()), (voucher != null) ? NewCaseForm.YES : NewCaseForm.NO,
				(voucher != null) ? clean(voucher.employeeNumber()) : null,
				(voucher != null) ? clean(voucher.employeeName()) : null,
				(voucher != null) ? clean(voucher.payPeriod()) : null,
				(voucher != null) ? clean(voucher.amount()) : null, (voucher != null) ? clean(voucher.note()) : null,
				null);
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "case");
		NewCaseFormValidator.validate(form, errors);
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : errors.getFieldErrors()) {
			problems.add(new FieldProblem(FIELDS.getOrDefault(error.getField(), error.getField()), error.getCode(),
					List.of()));
		}
		if (voucher != null && !Category.PAYROLL.name().equals(form.category())
				&& errors.getFieldError("category") == null) {
			problems.add(new FieldProblem("voucher", "api.voucher.payrollOnly", List.of()));
		}
		Long reporterId = reporter(agency, clean(request.reporterEmail()), problems);
		if (!problems.isEmpty() || reporterId == null) {
			throw new CaseRequestInvalidException(problems);
		}
		return this.registration.register(NewCaseFormValidator.toNewCase(form, List.of()), Channel.API, reporterId,
				agency);
	}

	private @Nullable Long reporter(PortalUser agency, @Nullable String email, List<FieldProblem> problems) {
		if (email == null || FormText.isBlank(email)) {
			return agency.id();
		}
		List<PortalUser> people = this.directory.agencyPeopleWithEmail(FormText.strip(email))
			.stream()
			.filter((person) -> person.organizationId() == agency.organizationId())
			.toList();
		if (people.size() != 1) {
			problems.add(new FieldProblem("reporterEmail", "api.reporterEmail.unknown", List.of()));
			return null;
		}
		return people.get(0).id();
	}

	@Override
	@Transactional(readOnly = true)
	public CaseSlice list(PortalUser agency, CaseFilter filter, @Nullable String after, int limit) {
		Specification<Case> spec = CaseAccessPolicy.visibleTo(agency);
		if (filter.status() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
		}
		if (filter.category() != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("category"), filter.category()));
		}
		if (filter.updatedSince() != null) {
			spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("updatedAt"), filter.updatedSince()));
		}
		if (after != null) {
			Cursor cursor = Cursor.parse(after);
			spec = spec.and((root, query, cb) -> cb.or(cb.greaterThan(root.get("updatedAt"), cursor.updatedAt()),
					cb.and(cb.equal(root.get("updatedAt"), cursor.updatedAt()),
							cb.greaterThan(root.get("id"), cursor.id()))));
		}
		List<Case> found = this.cases.findBy(spec,
				(query) -> query.sortBy(Sort.by("updatedAt", "id")).limit(limit + 1).all());
		List<Case> page = found.subList(0, Math.min(limit, found.size()));
		Map<Long, String> names = this.directory.fullNames(page.stream().map(Case::getReporterId).toList());
		List<CaseSummary> summaries = page.stream()
			.map((c) -> new CaseSummary(c.getId(), c.getCategory(), c.getChannel(), c.getStatus(), c.getSubject(),
					names.getOrDefault(c.getReporterId(), ""), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion()))
			.toList();
		String next = (found.size() > limit)
				? new Cursor(page.get(page.size() - 1).getUpdatedAt(), page.get(page.size() - 1).getId()).toString()
				: null;
		return new CaseSlice(summaries, next);
	}

	@Override
	@Transactional(readOnly = true)
	public CaseDetails read(long caseId, PortalUser agency) {
		Case c = this.cases.findOne(CaseAccessPolicy.visibleTo(agency).and(CaseAccessPolicy.withId(caseId)))
			.orElseThrow(() -> new CaseNotFoundException(caseId));
		List<Message> messages = c.getMessages().stream().filter((m) -> !m.isInternal()).toList();
		Set<Long> publicIds = new HashSet<>();
		messages.forEach((m) -> publicIds.add(m.getId()));
		Map<Long, String> names = this.directory.fullNames(
				Stream.concat(Stream.of(c.getReporterId()), messages.stream().map(Message::getAuthorId)).toList());
		PaymentVoucher voucher = c.getVoucher();
		return new CaseDetails(c.getId(), c.getCategory(), c.getChannel(), c.getStatus(), c.getSubject(),
				names.getOrDefault(c.getReporterId(), ""), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion(),
				(voucher != null) ? new VoucherDetails(voucher.getEmployeeNumber(), voucher.getEmployeeName(),
						voucher.getPayPeriod(), voucher.getAmount().toPlainString(), voucher.getNote()) : null,
				messages.stream()
					.map((m) -> new MessageDetails(m.getId(), m.getAuthorSide() == AuthorSide.CENTRE,
							names.getOrDefault(m.getAuthorId(), ""), m.getBody(), m.getCreatedAt()))
					.toList(),
				this.attachments.listForCase(caseId)
					.stream()
					.filter((a) -> a.messageId() == null || publicIds.contains(a.messageId()))
					.map(SystemCases::details)
					.toList());
	}

	@Override
	public CaseDetails postMessage(long caseId, PortalUser agency, @Nullable String body, List<MultipartFile> files,
			long expectedVersion) {
		String text = clean(body);
		if (text == null || FormText.isBlank(text)) {
			throw new CaseRequestInvalidException(
					List.of(new FieldProblem("message", "conversation.body.required", List.of())));
		}
		if (FormText.strip(text).length() > Message.MAX_LENGTH) {
			throw new CaseRequestInvalidException(
					List.of(new FieldProblem("message", "conversation.body.tooLong", List.of())));
		}
		try {
			this.conversation.postCustomerMessage(caseId, FormText.strip(text), files, agency, expectedVersion);
		}
		catch (CaseChangedException ex) {
			throw new CaseVersionMismatchException(caseId);
		}
		return read(caseId, agency);
	}

	@Override
	public List<AttachmentDetails> addAttachments(long caseId, PortalUser agency, List<MultipartFile> files,
			long expectedVersion) {
		Case c = this.actions.lockVisible(caseId, agency);
		if (c.getVersion() != expectedVersion) {
			throw new CaseVersionMismatchException(caseId);
		}
		List<MultipartFile> chosen = files.stream().filter((file) -> !file.isEmpty()).toList();
		if (chosen.isEmpty()) {
			throw new CaseRequestInvalidException(
					List.of(new FieldProblem("files", "attachment.noneChosen", List.of())));
		}
		return this.attachments.addToCase(chosen, caseId, null, agency.id())
			.stream()
			.map(SystemCases::details)
			.toList();
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public AttachmentContent openAttachment(long caseId, UUID attachmentId, PortalUser agency) {
		// As the web's download: the case's rule, then the message's (internal notes'
		// files are the centre's), with the content streamed outside any transaction.
		if (!this.access.isVisible(caseId, agency)) {
			throw new CaseNotFoundException(caseId);
		}
		AttachmentContent opened = this.attachments.open(caseId, attachmentId)
			.orElseThrow(() -> new CaseNotFoundException(caseId));
		Long messageId = opened.attachment().messageId();
		if (messageId != null && !this.pages.showsMessage(caseId, messageId, agency)) {
			try {
				opened.close();
			}
			catch (java.io.IOException ex) {
				// Nothing was read.
			}
			throw new CaseNotFoundException(caseId);
		}
		return opened;
	}

	private static AttachmentDetails details(Attachment a) {
		return new AttachmentDetails(a.id(), a.messageId(), a.name(), a.size(), a.contentType(), a.addedAt());
	}

	private static @Nullable String clean(@Nullable String value) {
		return (value != null) ? FormText.clean(value) : null;
	}

	/** Where a slice of the list ends: the last case's change and id. */
	record Cursor(Instant updatedAt, long id) {

		static Cursor parse(String value) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split(":",
						2);
				long micros = Long.parseLong(parts[0]);
				return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1]));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Not a cursor: " + value, ex);
			}
		}

		@Override
		public String toString() {
			long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.updatedAt);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((micros + ":" + this.id).getBytes(StandardCharsets.US_ASCII));
		}

	}

}
