package no.dfo.kundesenter.channels.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import no.dfo.kundesenter.channels.internal.ParsedMail.MailFile;
import no.dfo.kundesenter.channels.internal.ParsedMail.Noise;
import no.dfo.kundesenter.notifications.MailIds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw mail with Jakarta Mail (decision 0069): headers, the text, the files. The
 * MIME structure, transfer encodings and encoded words are the library's; this only walks
 * the parts and decodes text in the charset it names (Windows-1252 when it names none it
 * knows).
 */
final class MailParser {

	private static final Session SESSION = session();

	private static final Pattern OUT_OF_OFFICE = Pattern.compile(
			"^\\s*(out of (the )?office|automatic reply|auto(matic)?[ -]?reply|autosvar|automatisk svar|fravær|fråvær|"
					+ "abwesenheit|abwesend|absence|i'm away|jeg er borte|eg er borte)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final int MAX_DEPTH = 10;

	private MailParser() {
	}

	/**
	 * @throws MessagingException or {@link IOException} when the mail cannot be read at
	 * all
	 */
	static ParsedMail parse(byte[] raw) throws MessagingException, IOException {
		MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
		String messageId = header(message, "Message-ID");
		String from = from(message);
		String subject = subject(message);
		String threading = String.join(" ", nonNull(header(message, "In-Reply-To")),
				nonNull(header(message, "References")));
		Content content = new Content();
		walk(message, content, 0);
		String text = (content.text.length() > 0) ? content.text.toString()
				: (content.html.length() > 0) ? htmlToText(content.html.toString()) : "";
		return new ParsedMail(messageId, from, subject, threading, text, content.files,
				noise(message, messageId, from, subject));
	}

	/** The Message-ID alone, for a mail that cannot be parsed otherwise. */
	static @Nullable String messageIdOf(byte[] raw) {
		try {
			return header(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), "Message-ID");
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable Noise noise(MimeMessage message, @Nullable String messageId, @Nullable String from,
			@Nullable String subject) throws MessagingException {
		String local = (from != null && from.indexOf('@') > 0)
				? from.substring(0, from.indexOf('@')).toLowerCase(Locale.ROOT) : "";
		String returnPath = header(message, "Return-Path");
		if (message.isMimeType("multipart/report") || local.equals("mailer-daemon") || local.equals("postmaster")
				|| (returnPath != null && returnPath.replace(" ", "").equals("<>"))) {
			return Noise.BOUNCE;
		}
		if (MailIds.isOwn(messageId)) {
			return Noise.OWN;
		}
		String autoSubmitted = lower(header(message, "Auto-Submitted"));
		boolean automatic = autoSubmitted != null && !autoSubmitted.startsWith("no");
		if ((automatic && autoSubmitted.startsWith("auto-replied")) || header(message, "X-Autoreply") != null
				|| header(message, "X-Autorespond") != null
				|| (subject != null && OUT_OF_OFFICE.matcher(subject).find())) {
			return Noise.OUT_OF_OFFICE;
		}
		String precedence = lower(header(message, "Precedence"));
		if (automatic || header(message, "X-Auto-Response-Suppress") != null || (precedence != null
				&& (precedence.startsWith("bulk") || precedence.startsWith("junk") || precedence.startsWith("list")))) {
			return Noise.AUTOMATIC;
		}
		return null;
	}

	private static void walk(Part part, Content content, int depth) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return;
		}
		String disposition = lower(safe(part::getDisposition));
		String fileName = fileName(part);
		boolean attached = Part.ATTACHMENT.equals(disposition) || fileName != null;
		if (part.isMimeType("multipart/*")) {
			Object body = part.getContent();
			if (body instanceof Multipart multipart) {
				boolean alternative = part.isMimeType("multipart/alternative");
				for (int i = 0; i < multipart.getCount(); i++) {
					Part child = multipart.getBodyPart(i);
					if (alternative && content.text.length() > 0 && !child.isMimeType("multipart/*")) {
						continue;
					}
					walk(child, content, depth + 1);
				}
				return;
			}
		}
		if (part.isMimeType("message/rfc822") && !attached) {
			Object body = part.getContent();
			if (body instanceof MimeMessage nested) {
				content.text.append("\n\n----- ").append(nonNull(subject(nested))).append(" -----\n");
				walk(nested, content, depth + 1);
				return;
			}
		}
		if (!attached && part.isMimeType("text/plain")) {
			append(content.text, text(part));
			return;
		}
		if (!attached && part.isMimeType("text/html")) {
			append(content.html, text(part));
			return;
		}
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		String name = (fileName != null) ? fileName : "vedlegg-" + (content.files.size() + 1);
		content.files.add(new MailFile(name, baseType(part), bytes));
	}

	private static void append(StringBuilder to, String text) {
		if (to.length() > 0) {
			to.append("\n\n");
		}
		to.append(text);
	}

	/** The text of a text part in its charset; unknown charsets read as Windows-1252. */
	static String text(Part part) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readAllBytes();
		}
		Charset charset = StandardCharsets.US_ASCII;
		try {
			String name = new ContentType(part.getContentType()).getParameter("charset");
			if (name != null) {
				charset = Charset.forName(MimeUtility.javaCharset(name.strip()));
			}
		}
		catch (RuntimeException | MessagingException ex) {
			charset = Charset.forName("windows-1252");
		}
		if (charset.equals(StandardCharsets.US_ASCII)) {
			// Undeclared 8-bit text: UTF-8 when it is valid, else the Windows codepage.
			String utf8 = new String(bytes, StandardCharsets.UTF_8);
			return utf8.contains("\uFFFD") ? new String(bytes, Charset.forName("windows-1252")) : utf8;
		}
		return new String(bytes, charset);
	}

	static String htmlToText(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head").remove();
		document.select("br").append("\n");
		document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").prepend("\n");
		return document.body() == null ? ""
				: document.body().wholeText().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

	private static @Nullable String fileName(Part part) {
		try {
			String name = part.getFileName();
			return (name == null || name.isBlank()) ? null : MimeUtility.decodeText(name);
		}
		catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
			return null;
		}
	}

	private static String baseType(Part part) {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException ex) {
			return "application/octet-stream";
		}
	}

	private static @Nullable String from(MimeMessage message) {
		try {
			Address[] from = message.getFrom();
			if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
					&& address.getAddress() != null && address.getAddress().indexOf('@') > 0) {
				return address.getAddress().strip();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// Unreadable: the mail has no sender we can name.
		}
		return null;
	}

	private static @Nullable String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String header(MimeMessage message, String name) throws MessagingException {
		String value = message.getHeader(name, " ");
		return (value == null) ? null : value.strip();
	}

	private static @Nullable String lower(@Nullable String value) {
		return (value == null) ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	private static String nonNull(@Nullable String value) {
		return (value == null) ? "" : value;
	}

	private static @Nullable String safe(Read read) {
		try {
			return read.get();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static Session session() {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.decodetext.strict", "false");
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.parameters.strict", "false");
		properties.setProperty("mail.mime.base64.ignoreerrors", "true");
		properties.setProperty("mail.mime.multipart.allowempty", "true");
		return Session.getInstance(properties);
	}

	private interface Read {

		@Nullable String get() throws MessagingException;

	}

	private static final class Content {

		final StringBuilder text = new StringBuilder();

		final StringBuilder html = new StringBuilder();

		final List<MailFile> files = new ArrayList<>();

	}

}
