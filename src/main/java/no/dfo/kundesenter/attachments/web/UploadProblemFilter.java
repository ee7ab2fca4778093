package no.dfo.kundesenter.attachments.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.attachments.Attachments;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a multipart request before anything else does, so a request that is too large or
 * malformed gets a clear answer (413 or 400) instead of failing later in a way that looks
 * like something else: the CSRF check would find no token in it and answer 403. Nothing
 * of such a request reaches a controller, so nothing of it is stored.
 */
@Component
class UploadProblemFilter extends OncePerRequestFilter implements Ordered {

	/** After character encoding and the session, before security. */
	static final int ORDER = -1000;

	private static final String REFUSED = UploadProblemFilter.class.getName() + ".refused";

	private final Attachments attachments;

	UploadProblemFilter(Attachments attachments) {
		this.attachments = attachments;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error page for a refused upload must not try to read the request again.
			chain.doFilter((request.getAttribute(REFUSED) != null) ? new NotMultipart(request) : request, response);
			return;
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			try {
				request.getParts();
			}
			catch (IllegalStateException ex) {
				reject(request, response, HttpStatus.CONTENT_TOO_LARGE);
				return;
			}
			catch (IOException | ServletException ex) {
				reject(request, response, HttpStatus.BAD_REQUEST);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws IOException {
		request.setAttribute(REFUSED, Boolean.TRUE);
		request.setAttribute("uploadLimits", this.attachments.limits());
		response.sendError(status.value());
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static final class NotMultipart extends HttpServletRequestWrapper {

		NotMultipart(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

	}

}
