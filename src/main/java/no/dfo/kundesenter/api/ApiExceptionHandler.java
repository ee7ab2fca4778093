package no.dfo.kundesenter.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.CaseRequestInvalidException;
import no.dfo.kundesenter.cases.CaseVersionMismatchException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the API as a problem detail in the request's language, never a page and
 * never a stack trace: invalid fields one by one, 404 for a case the agency may not see,
 * 412 for a stale version, 428 without one, 429 with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = { CaseApiController.class, ApiFallbackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiProblems problems;

	ApiExceptionHandler(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(CaseRequestInvalidException.class)
	ResponseEntity<ProblemDetail> invalid(CaseRequestInvalidException ex, HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.invalid");
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.map((p) -> this.problems.fieldError(request, p.field(), p.code(), p.args()))
					.toList());
		return answer(problem);
	}

	@ExceptionHandler(AttachmentRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(AttachmentRejectedException ex, HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.files");
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.map((p) -> this.problems.fieldError(request, "files", p.code(), p.args()))
					.toList());
		return answer(problem);
	}

	@ExceptionHandler(CaseNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return answer(this.problems.problem(request, HttpStatus.NOT_FOUND, "api.problem.notFound"));
	}

	@ExceptionHandler(CaseVersionMismatchException.class)
	ResponseEntity<ProblemDetail> stale(HttpServletRequest request) {
		return answer(this.problems.problem(request, HttpStatus.PRECONDITION_FAILED, "api.problem.preconditionFailed"));
	}

	@ExceptionHandler(CaseApiController.PreconditionRequiredException.class)
	ResponseEntity<ProblemDetail> noVersion(HttpServletRequest request) {
		return answer(
				this.problems.problem(request, HttpStatus.PRECONDITION_REQUIRED, "api.problem.preconditionRequired"));
	}

	@ExceptionHandler(IdempotentRegistrations.KeyReusedException.class)
	ResponseEntity<ProblemDetail> keyReused(HttpServletRequest request) {
		return answer(this.problems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "api.problem.keyReused"));
	}

	@ExceptionHandler(IdempotentRegistrations.InvalidKeyException.class)
	ResponseEntity<ProblemDetail> invalidKey(HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.invalid");
		problem.setProperty("errors",
				List.of(this.problems.fieldError(request, "Idempotency-Key", "api.problem.keyInvalid", List.of())));
		return answer(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException ex, HttpServletRequest request) {
		log.debug("API request refused", ex);
		ProblemDetail problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.invalid");
		problem.setProperty("errors",
				List.of(this.problems.fieldError(request, "cursor", "api.problem.cursor", List.of())));
		return answer(problem);
	}

	@ExceptionHandler(RateLimitExceededException.class)
	ResponseEntity<ProblemDetail> tooMany(RateLimitExceededException ex, HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, ex.messageCode(),
				ex.retryAfterMinutes());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.contentType(ApiProblems.PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex, HttpServletRequest request) {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		return answer(this.problems.problem(request, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
				tooLarge ? "api.problem.upload.files" : "api.problem.upload.broken"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("API request failed", ex);
		return answer(this.problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "api.problem.serverError"));
	}

	/**
	 * Spring MVC's own exceptions (unreadable or wrong content, a method or parameter it
	 * cannot take) in the same form.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest webRequest) {
		HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
		ProblemDetail problem;
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			if (causedBy(unreadable, ApiErrorFilter.BodyTooLargeException.class)) {
				problem = this.problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "api.problem.tooLarge");
			}
			else {
				problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.unreadable");
				String field = field(unreadable);
				if (field != null) {
					problem.setProperty("errors",
							List.of(this.problems.fieldError(request, field, "api.problem.fieldType", List.of())));
				}
			}
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException) {
			problem = this.problems.problem(request, status, "api.problem.mediaType");
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			problem = this.problems.problem(request, status, "api.problem.notAcceptable");
			headers = new HttpHeaders();
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException) {
			problem = this.problems.problem(request, status, "api.problem.method");
		}
		else if (ex instanceof TypeMismatchException mismatch) {
			problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.invalid");
			problem.setProperty("errors",
					List.of(this.problems.fieldError(request,
							(mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "?",
							"api.problem.parameter", List.of())));
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			problem = this.problems.problem(request, HttpStatus.BAD_REQUEST, "api.problem.invalid");
			problem.setProperty("errors", List
				.of(this.problems.fieldError(request, missing.getParameterName(), "api.problem.parameter", List.of())));
		}
		else if (ex instanceof NoResourceFoundException) {
			problem = this.problems.problem(request, HttpStatus.NOT_FOUND, "api.problem.status");
		}
		else {
			problem = this.problems.problem(request, status, "api.problem.status");
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(ApiProblems.PROBLEM_JSON)
			.body(problem);
	}

	private static @Nullable String field(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof DatabindException)) {
			cause = cause.getCause();
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			databind.getPath().forEach((reference) -> {
				if (reference.getPropertyName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
				}
			});
			return field.isEmpty() ? null : field.toString();
		}
		return null;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(ApiProblems.PROBLEM_JSON).body(problem);
	}

}
