package no.dfo.kundesenter.attachments.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.attachments.Attachments;
import no.dfo.kundesenter.attachments.UploadEndpoints;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides whether a multipart body is read at all. It runs after Spring Security, so an
 * anonymous request or one without its CSRF token (which a multipart form carries in its
 * action's query string) never gets here and its body is never read. A multipart request
 * to anything but an {@link UploadEndpoints upload endpoint} is refused unread (415), as
 * is one that declares more than a request may hold (413). Otherwise the body is parsed
 * here, so a request that is too large or broken gets a clear page (413 or 400) and
 * reaches no controller; nothing of it is stored.
 */
@Component
class UploadGate extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(UploadGate.class);

	/** Just after Spring Security's filters. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 50;

	/** What the error page says: files too large, the text too long, a name refused. */
	static final String PROBLEM = "uploadProblem";

	private final Attachments attachments;

	private final List<PathPattern> endpoints;

	private final long maxRequestSize;

	UploadGate(Attachments attachments, ObjectProvider<UploadEndpoints> endpoints,
			MultipartConfigElement multipartConfig) {
		this.attachments = attachments;
		this.endpoints = endpoints.orderedStream()
			.flatMap((e) -> e.patterns().stream())
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		this.maxRequestSize = multipartConfig.getMaxRequestSize();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// An error page never reads the body: not of a refused upload, and not of a
			// request that Spring Security refused before it got here.
			chain.doFilter(isMultipart(request) ? new NotMultipart(request) : request, response);
			return;
		}
		if (!isMultipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!"POST".equals(request.getMethod()) || !isUploadEndpoint(request)) {
			reject(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "notHere");
			return;
		}
		if (request.getContentLengthLong() > this.maxRequestSize) {
			reject(request, response, HttpStatus.CONTENT_TOO_LARGE, "files");
			return;
		}
		try {
			request.getParts();
		}
		catch (IllegalStateException ex) {
			// Tomcat gives a size limit as the cause, and the limit of the text fields
			// (server.tomcat.max-http-form-post-size) without one.
			reject(request, response, HttpStatus.CONTENT_TOO_LARGE, (ex.getCause() != null) ? "files" : "text");
			return;
		}
		catch (IOException | ServletException ex) {
			reject(request, response, HttpStatus.BAD_REQUEST, "broken");
			return;
		}
		catch (RuntimeException ex) {
			// Tomcat refuses a file name with a NUL byte, which no file system gives.
			log.debug("Multipart request refused", ex);
			reject(request, response, HttpStatus.BAD_REQUEST, "fileName");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isUploadEndpoint(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.endpoints.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String problem)
			throws IOException {
		if (response.isCommitted()) {
			// The client went away in the middle of its request: nobody is left to tell.
			return;
		}
		request.setAttribute(PROBLEM, problem);
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
