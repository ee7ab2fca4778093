package no.dfo.kundesenter.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import no.dfo.kundesenter.web.RescuedForm.Reason;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Keeps what a person typed into a form that could not be sent, so the form's page can
 * show it again (decision 0030). Only the text is read, and at most {@value #MAX_READ}
 * bytes of the request: a multipart body is read as a stream, text fields kept and files
 * only named; the CSRF token and any password are never kept.
 */
@Component
public class FormRescue {

	static final int MAX_READ = 256 * 1024;

	static final String SESSION_ATTRIBUTE = FormRescue.class.getName();

	/** The rescued form a page shows, for the layout's notice. */
	static final String REQUEST_ATTRIBUTE = "rescuedForm";

	private static final Set<String> NEVER_KEPT = Set.of("_csrf", "password");

	private static final int MAX_FIELDS = 100;

	private static final Logger log = LoggerFactory.getLogger(FormRescue.class);

	private final List<Entry> forms;

	FormRescue(ObjectProvider<RescuableForm> forms) {
		this.forms = forms.orderedStream()
			.map((form) -> new Entry(PathPatternParser.defaultInstance.parse(form.action()), form))
			.toList();
	}

	/**
	 * Keeps the text of a form posted with this request, if it is one of the rescuable
	 * forms, in the request's session (started if need be).
	 * @return the page that will show it again
	 */
	public Optional<String> keep(HttpServletRequest request, Reason reason) {
		if (!"POST".equals(request.getMethod())) {
			return Optional.empty();
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Entry entry : this.forms) {
			PathPattern.PathMatchInfo match = entry.action().matchAndExtract(path);
			if (match != null) {
				String page = UriComponentsBuilder.fromPath(entry.form().page())
					.buildAndExpand(match.getUriVariables())
					.toUriString();
				RescuedForm rescued = read(request, page, reason);
				if (rescued == null) {
					return Optional.empty();
				}
				request.getSession(true).setAttribute(SESSION_ATTRIBUTE, rescued);
				return Optional.of(page);
			}
		}
		return Optional.empty();
	}

	/**
	 * The page of a form kept in the session, not yet shown again.
	 */
	public Optional<String> pendingPage(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof RescuedForm rescued)
				? Optional.of(rescued.page()) : Optional.empty();
	}

	/**
	 * Takes the form kept for this page out of the session, bound to its form type.
	 */
	Optional<Taken> take(HttpServletRequest request, String page) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof RescuedForm rescued)
				|| !rescued.page().equals(page)) {
			return Optional.empty();
		}
		session.removeAttribute(SESSION_ATTRIBUTE);
		// "/saker/ny" is the new-case form's page, though "/saker/{id}" matches it too.
		PathContainer path = PathContainer.parsePath(page);
		return this.forms.stream()
			.map((entry) -> Map.entry(PathPatternParser.defaultInstance.parse(entry.form().page()), entry.form()))
			.filter((form) -> form.getKey().matches(path))
			.min(Map.Entry.comparingByKey(PathPattern.SPECIFICITY_COMPARATOR))
			.map(Map.Entry::getValue)
			.map((form) -> new Taken(rescued, form.attribute(), FormBinding.bind(form.type(), rescued.fields())));
	}

	private static @Nullable RescuedForm read(HttpServletRequest request, String page, Reason reason) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return null;
		}
		try {
			if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
				return readMultipart(request, page, reason);
			}
			if (contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
				long length = request.getContentLengthLong();
				if (length < 0 || length > MAX_READ) {
					return null;
				}
				Map<String, List<String>> fields = new LinkedHashMap<>();
				request.getParameterMap().forEach((name, values) -> {
					if (!NEVER_KEPT.contains(name) && fields.size() < MAX_FIELDS) {
						fields.put(name, List.of(values).stream().map(FormText::clean).toList());
					}
				});
				return new RescuedForm(page, fields, List.of(), false, reason);
			}
		}
		catch (IOException | MimeException | RuntimeException ex) {
			log.debug("The text of a form that was not sent could not be read", ex);
		}
		return null;
	}

	private static RescuedForm readMultipart(HttpServletRequest request, String page, Reason reason)
			throws IOException, MimeException {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<String> files = new ArrayList<>();
		boolean incomplete = false;
		Bounded in = new Bounded(request.getInputStream(), MAX_READ);
		MimeTokenStream stream = new MimeTokenStream(MimeConfig.custom()
			.setMaxLineLen(-1)
			.setMaxHeaderCount(20)
			.setMaxHeaderLen(8192)
			.setMaxContentLen(MAX_READ)
			.build());
		stream.parseHeadless(in, request.getContentType());
		String name = null;
		String fileName = null;
		for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
			if (state == EntityState.T_START_BODYPART) {
				name = null;
				fileName = null;
			}
			else if (state == EntityState.T_FIELD) {
				Field field = stream.getField();
				if ("content-disposition".equalsIgnoreCase(field.getName())) {
					ContentDisposition disposition = ContentDisposition.parse(field.getBody());
					name = disposition.getName();
					fileName = disposition.getFilename();
				}
			}
			else if (state == EntityState.T_BODY && name != null) {
				if (fileName != null) {
					if (!FormText.isBlank(fileName)) {
						files.add(FormText.clean(fileName));
					}
					continue;
				}
				String value = new String(stream.getDecodedInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (in.exhausted()) {
					// Cut off by the limit: a part of a text is not what the person
					// wrote.
					incomplete = true;
					break;
				}
				if (!NEVER_KEPT.contains(name) && fields.size() < MAX_FIELDS) {
					fields.computeIfAbsent(name, (n) -> new ArrayList<>()).add(FormText.clean(value));
				}
			}
		}
		return new RescuedForm(page, fields, files, incomplete || in.exhausted(), reason);
	}

	private record Entry(PathPattern action, RescuableForm form) {
	}

	/** A kept form, bound for its page. */
	record Taken(RescuedForm rescued, String attribute, Object form) {
	}

	/** Ends the stream after a number of bytes, and says whether it did. */
	private static final class Bounded extends FilterInputStream {

		private long left;

		Bounded(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		boolean exhausted() {
			return this.left <= 0;
		}

		@Override
		public int read() throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int b = super.read();
			this.left -= (b < 0) ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				return -1;
			}
			int n = super.read(buffer, offset, (int) Math.min(length, this.left));
			this.left -= Math.max(n, 0);
			return n;
		}

	}

}
