package no.dfo.kundesenter.attachments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.jspecify.annotations.Nullable;

/**
 * File content as the stores keep it: sealed chunks of {@value #CHUNK_SIZE} bytes each
 * (the last one shorter), written and read one chunk at a time, whichever store holds
 * them.
 */
final class SealedChunks {

	static final int CHUNK_SIZE = 256 * 1024;

	/** What AES-GCM adds to each chunk: its tag. */
	static final int OVERHEAD = 16;

	private SealedChunks() {
	}

	/** Takes one sealed chunk after the other. */
	interface Sink {

		void accept(int chunk, byte[] sealed, boolean last) throws IOException;

	}

	/** Gives the sealed chunk asked for; chunks are asked for in order. */
	interface Source extends AutoCloseable {

		byte[] sealed(int chunk, boolean last) throws IOException;

		@Override
		default void close() throws IOException {
		}

	}

	record Written(long size, int chunks) {
	}

	/**
	 * Seals the content chunk by chunk into the sink; an empty content is one empty
	 * chunk.
	 */
	static Written seal(ContentCipher cipher, SecretKey dataKey, UUID id, InputStream content, Sink sink)
			throws IOException {
		PushbackInputStream in = new PushbackInputStream(content, 1);
		byte[] buffer = new byte[CHUNK_SIZE];
		long size = 0;
		int chunk = 0;
		boolean last = false;
		while (!last) {
			int length = in.readNBytes(buffer, 0, CHUNK_SIZE);
			int next = in.read();
			last = next < 0;
			if (!last) {
				in.unread(next);
			}
			sink.accept(chunk, cipher.seal(dataKey, id, chunk, last, buffer, length), last);
			size += length;
			chunk++;
		}
		return new Written(size, chunk);
	}

	/**
	 * The plain content, opened one chunk at a time as it is read; reading fails with an
	 * {@link IOException} if a chunk was altered, swapped or is missing.
	 */
	static InputStream open(ContentCipher cipher, SecretKey dataKey, UUID id, int chunkCount, Source source) {
		return new OpenedStream(cipher, dataKey, id, chunkCount, source);
	}

	private static final class OpenedStream extends InputStream {

		private final ContentCipher cipher;

		private final SecretKey dataKey;

		private final UUID id;

		private final int chunkCount;

		private final Source source;

		private int nextChunk;

		private byte @Nullable [] current;

		private int position;

		OpenedStream(ContentCipher cipher, SecretKey dataKey, UUID id, int chunkCount, Source source) {
			this.cipher = cipher;
			this.dataKey = dataKey;
			this.id = id;
			this.chunkCount = chunkCount;
			this.source = source;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (this.current == null || this.position >= this.current.length) {
				if (this.nextChunk >= this.chunkCount) {
					return -1;
				}
				this.current = next(this.nextChunk++);
				this.position = 0;
			}
			int n = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, target, offset, n);
			this.position += n;
			return n;
		}

		private byte[] next(int chunk) throws IOException {
			boolean last = chunk == this.chunkCount - 1;
			byte[] sealed = this.source.sealed(chunk, last);
			try {
				return this.cipher.open(this.dataKey, this.id, chunk, last, sealed);
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("Chunk " + chunk + " of stored content " + this.id + " failed authentication",
						ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.source.close();
		}

	}

}
