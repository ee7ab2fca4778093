package no.dfo.kundesenter.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What no endpoint under {@code /api} takes, as a problem detail rather than the pages'
 * error page: a path the API does not have (404), or one of its paths with another method
 * (405), content type (415) or {@code Accept} (406).
 */
@RestController
@Hidden
class ApiFallbackController {

	private static final List<PathPattern> PATHS = List
		.of("/api/v1/saker", "/api/v1/saker/{id}", "/api/v1/saker/{id}/meldinger", "/api/v1/saker/{id}/vedlegg",
				"/api/v1/saker/{id}/vedlegg/{attachmentId}")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	@RequestMapping("/api/**")
	void none(HttpServletRequest request) throws Exception {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		if (PATHS.stream().noneMatch((pattern) -> pattern.matches(path))) {
			throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
					request.getRequestURI());
		}
		String method = request.getMethod();
		boolean writes = path.value().equals("/api/v1/saker") || path.value().endsWith("/meldinger")
				|| path.value().endsWith("/vedlegg");
		if ("POST".equals(method) && writes) {
			throw new HttpMediaTypeNotSupportedException(sent(request),
					List.of(MediaType.APPLICATION_JSON, MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
		}
		if ("GET".equals(method) && !path.value().endsWith("/meldinger") && !path.value().endsWith("/vedlegg")) {
			throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
		}
		throw new HttpRequestMethodNotSupportedException(method);
	}

	private static @Nullable MediaType sent(HttpServletRequest request) {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
