package no.dfo.kundesenter.api;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.web.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details (RFC 9457) in the language of the request's {@code Accept-Language}:
 * bokmål, nynorsk or English. The title says what kind of problem it is, the detail what
 * to do; invalid fields are listed one by one under {@code errors}.
 */
@Component
class ApiProblems {

	static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	static Locale language(HttpServletRequest request) {
		return Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	String text(HttpServletRequest request, String code, Object... args) {
		return this.messages.getMessage(code, args, code, language(request));
	}

	/**
	 * A problem of the given status whose detail is the message {@code code}.
	 */
	ProblemDetail problem(HttpServletRequest request, HttpStatusCode status, String code, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(request, code, args));
		problem.setTitle(this.messages.getMessage("api.status." + status.value(), null,
				this.messages.getMessage("api.status.other", null, language(request)), language(request)));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * One entry of {@code errors}: the field as sent and what is wrong with it.
	 */
	Map<String, Object> fieldError(HttpServletRequest request, String field, String code, List<?> args) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("code", code);
		error.put("message", text(request, code, args.toArray()));
		return error;
	}

	/**
	 * Writes the problem as the whole response, where no controller answers (security,
	 * the servlet container's errors).
	 */
	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(asMap(problem)));
		response.flushBuffer();
	}

	private static Map<String, @Nullable Object> asMap(ProblemDetail problem) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : null);
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
