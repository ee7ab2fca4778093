package no.dfo.kundesenter.cases.core;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * How the case pages' forms say no to files and to sending too often: on the form's
 * attachment field, or as text for a notice, and with 429 and when to try again.
 */
@Component
public class Refusals {

	/** The attachment field of the case forms. */
	public static final String ATTACHMENT_FIELD = "attachmentIds";

	private final MessageSource messages;

	Refusals(MessageSource messages) {
		this.messages = messages;
	}

	/** Answers 429 and says when to try again; the page itself shows why. */
	public static void tooManyRequests(RateLimitExceededException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
	}

	/** Every reason the files were refused, on the form's attachment field. */
	public static void reject(AttachmentRejectedException ex, Errors errors) {
		for (Problem problem : ex.problems()) {
			errors.rejectValue(ATTACHMENT_FIELD, problem.code(), problem.args().toArray(), problem.code());
		}
	}

	/** Too many uploads lately, on the form's attachment field. */
	public static void reject(RateLimitExceededException ex, Errors errors) {
		errors.rejectValue(ATTACHMENT_FIELD, ex.messageCode(), new Object[] { ex.retryAfterMinutes() },
				ex.messageCode());
	}

	public List<String> describe(AttachmentRejectedException ex) {
		return ex.problems()
			.stream()
			.map((p) -> this.messages.getMessage(p.code(), p.args().toArray(), p.code(),
					LocaleContextHolder.getLocale()))
			.toList();
	}

	public String describe(RateLimitExceededException ex) {
		return this.messages.getMessage(ex.messageCode(), new Object[] { ex.retryAfterMinutes() }, ex.messageCode(),
				LocaleContextHolder.getLocale());
	}

	public String describe(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
