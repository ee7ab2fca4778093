package no.dfo.kundesenter.attachments;

import java.util.List;

/**
 * The endpoints that take files, as path patterns such as {@code /saker/{id}/vedlegg}. A
 * multipart body is parsed only for a POST to one of them, after sign-in and the CSRF
 * check; anywhere else it is refused unread. A module that takes uploads declares its
 * endpoints as a bean of this type.
 */
public record UploadEndpoints(List<String> patterns) {

	public UploadEndpoints {
		patterns = List.copyOf(patterns);
	}

	public static UploadEndpoints of(String... patterns) {
		return new UploadEndpoints(List.of(patterns));
	}

}
