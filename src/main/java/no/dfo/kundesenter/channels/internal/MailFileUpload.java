package no.dfo.kundesenter.channels.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import no.dfo.kundesenter.channels.internal.ParsedMail.MailFile;
import org.springframework.web.multipart.MultipartFile;

/** A file of a mail, handed to the attachments module as an upload is. */
record MailFileUpload(MailFile file) implements MultipartFile {

	@Override
	public String getName() {
		return "file";
	}

	@Override
	public String getOriginalFilename() {
		return this.file.name();
	}

	@Override
	public String getContentType() {
		return this.file.contentType();
	}

	@Override
	public boolean isEmpty() {
		return this.file.content().length == 0;
	}

	@Override
	public long getSize() {
		return this.file.content().length;
	}

	@Override
	public byte[] getBytes() {
		return this.file.content().clone();
	}

	@Override
	public InputStream getInputStream() {
		return new ByteArrayInputStream(this.file.content());
	}

	@Override
	public void transferTo(File dest) throws IOException {
		Files.write(dest.toPath(), this.file.content());
	}

}
