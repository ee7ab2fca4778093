package no.dfo.kundesenter.attachments.internal;

import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file that passed the content checks.
 *
 * @param file as uploaded
 * @param name the cleaned file name
 * @param type the type detected from the content
 */
record CheckedFile(MultipartFile file, String name, String type) {
}
