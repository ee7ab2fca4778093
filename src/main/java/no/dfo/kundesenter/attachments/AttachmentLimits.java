package no.dfo.kundesenter.attachments;

/**
 * The limits uploads are checked against.
 *
 * @param maxFileSize bytes per file
 * @param maxCaseSize bytes for all files of one case (and for one person's drafts)
 * @param maxFilesPerUpload files in one upload
 */
public record AttachmentLimits(long maxFileSize, long maxCaseSize, int maxFilesPerUpload) {

	public String displayMaxFileSize() {
		return FileSize.format(this.maxFileSize);
	}

	public String displayMaxCaseSize() {
		return FileSize.format(this.maxCaseSize);
	}

}
