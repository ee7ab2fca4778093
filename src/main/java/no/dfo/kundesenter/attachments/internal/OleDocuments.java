package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import no.dfo.kundesenter.attachments.internal.ContentTypes.Verdict;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Legacy Word and Excel files (.doc, .xls) are OLE2 compound files: a directory of
 * storages and streams, read with Apache POI. Their VBA macros live in a storage of a
 * known name (Word's {@code Macros}, Excel's {@code _VBA_PROJECT_CUR}, both holding a
 * {@code VBA} storage), also inside embedded documents, so the whole tree is searched.
 */
final class OleDocuments {

	private static final Set<String> VBA_STORAGES = Set.of("macros", "_vba_project_cur", "_vba_project", "vba");

	private static final int MAX_ENTRIES = 10_000;

	private static final int MAX_DEPTH = 16;

	private OleDocuments() {
	}

	static Verdict check(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			return search(fs.getRoot(), 0, new int[] { MAX_ENTRIES });
		}
		catch (IOException | RuntimeException ex) {
			// Not a compound file POI can read, so not a document Word or Excel would
			// open.
			return Verdict.WRONG_TYPE;
		}
	}

	/**
	 * Macros if any storage below is a VBA storage; a wrong type if the tree is too large
	 * or deep for a document.
	 * @param left how many more entries may be looked at
	 */
	private static Verdict search(DirectoryEntry directory, int depth, int[] left) {
		if (depth > MAX_DEPTH) {
			return Verdict.WRONG_TYPE;
		}
		for (Entry entry : directory) {
			if (--left[0] < 0) {
				return Verdict.WRONG_TYPE;
			}
			if (entry instanceof DirectoryEntry storage) {
				if (VBA_STORAGES.contains(storage.getName().toLowerCase(Locale.ROOT))) {
					return Verdict.MACROS;
				}
				Verdict below = search(storage, depth + 1, left);
				if (below != Verdict.TAKEN) {
					return below;
				}
			}
		}
		return Verdict.TAKEN;
	}

}
