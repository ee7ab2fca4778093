package no.dfo.kundesenter.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around every API request: an error that something below answers with {@code sendError}
 * (a refused multipart body, a path no endpoint has) becomes a problem detail instead of
 * an HTML page, and a JSON body larger than the limit is refused (413) before anything
 * reads it.
 */
class ApiErrorFilter extends OncePerRequestFilter {

	/** The attribute the upload gate names its refusal in. */
	private static final String UPLOAD_PROBLEM = "uploadProblem";

	private final ApiProblems problems;

	private final long maxJsonSize;

	ApiErrorFilter(ApiProblems problems, long maxJsonSize) {
		this.problems = problems;
		this.maxJsonSize = maxJsonSize;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest limited = request;
		if (!isMultipart(request)) {
			if (request.getContentLengthLong() > this.maxJsonSize) {
				this.problems.write(response,
						this.problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "api.problem.tooLarge"));
				return;
			}
			limited = new LimitedRequest(request, this.maxJsonSize);
		}
		chain.doFilter(limited, new ProblemResponse(request, response));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** A body read past the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("Request body too large");
		}

	}

	private final class ProblemResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		ProblemResponse(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			sendError(sc);
		}

		@Override
		public void sendError(int sc) throws IOException {
			Object upload = this.request.getAttribute(UPLOAD_PROBLEM);
			String code = (upload != null) ? "api.problem.upload." + upload : "api.problem.status";
			ApiErrorFilter.this.problems.write((HttpServletResponse) getResponse(),
					ApiErrorFilter.this.problems.problem(this.request, HttpStatusCode.valueOf(sc), code));
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream body = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = body.read();
						if (b >= 0 && ++this.read > LimitedRequest.this.limit) {
							throw new BodyTooLargeException();
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = body.read(buffer, offset, length);
						if (n > 0 && (this.read += n) > LimitedRequest.this.limit) {
							throw new BodyTooLargeException();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
