package no.dfo.kundesenter.access.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.RateLimitExceededException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A limit reached where no page answers for it with its own form: 429 with
 * {@code Retry-After} and a page that says how long to wait.
 */
@ControllerAdvice
class RateLimitAdvice {

	@ExceptionHandler(RateLimitExceededException.class)
	ModelAndView tooManyRequests(RateLimitExceededException limit, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limit.retryAfterSeconds()));
		return new ModelAndView("error/429", Map.of("rateLimit", limit), HttpStatus.TOO_MANY_REQUESTS);
	}

}
