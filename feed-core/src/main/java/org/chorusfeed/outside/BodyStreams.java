package org.chorusfeed.outside;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.chorusfeed.outside.FetchRefusedException.Reason;

/** The streams a response body is read through: deadline, framing (length or chunks) and size caps. */
final class BodyStreams {
    private static final int MAX_CHUNK_LINE = 1024;
    private static final int MAX_TRAILERS = 100;

    private BodyStreams() {
    }

    /** "5 MiB", "64 KiB" or "1000 bytes". */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /**
     * A stream whose every read, single bytes and skips included, goes through {@link #read(byte[], int, int)}, so
     * that no way of reading passes a cap or the deadline.
     */
    abstract static class BlockInput extends FilterInputStream {
        BlockInput(InputStream in) {
            super(in);
        }

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public final long skip(long count) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(count, 1))];
            long skipped = 0;
            while (skipped < count) {
                int n = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
                if (n < 0) {
                    break;
                }
                skipped += n;
            }
            return skipped;
        }

        @Override
        public abstract int read(byte[] buffer, int offset, int length) throws IOException;
    }

    /** Sets the socket's read timeout to the time left before each read; refuses with TIMEOUT when it runs out. */
    static final class DeadlineInput extends BlockInput {
        private final Socket socket;
        private final Deadline deadline;
        private final String url;

        DeadlineInput(Socket socket, InputStream in, Deadline deadline, String url) {
            super(in);
            this.socket = socket;
            this.deadline = deadline;
            this.url = url;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (deadline.passed()) {
                throw deadline.timedOut(url);
            }
            socket.setSoTimeout(deadline.timeoutMillis(Duration.ofMillis(Integer.MAX_VALUE)));
            try {
                return in.read(buffer, offset, length);
            } catch (SocketTimeoutException e) {
                throw deadline.timedOut(url);
            }
        }
    }

    /** Ends after exactly {@code length} bytes; refuses a body that ends early. */
    static final class FixedLengthInput extends BlockInput {
        private final long length;
        private final String url;
        private long left;

        FixedLengthInput(InputStream in, long length, String url) {
            super(in);
            this.length = length;
            this.left = length;
            this.url = url;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(count, left));
            if (n < 0) {
                throw new FetchRefusedException(Reason.MALFORMED_RESPONSE, url, "the body ended after "
                        + (length - left) + " of the " + length + " bytes announced");
            }
            left -= n;
            return n;
        }
    }

    /** Reads a {@code Transfer-Encoding: chunked} body, trailers skipped. */
    static final class ChunkedInput extends BlockInput {
        private final String url;
        private long chunkLeft;
        private boolean done;

        ChunkedInput(InputStream in, String url) {
            super(in);
            this.url = url;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                chunkLeft = chunkSize();
                if (chunkLeft == 0) {
                    skipTrailers();
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(count, chunkLeft));
            if (n < 0) {
                throw malformed("the chunked body ended in the middle of a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !line().isEmpty()) {
                throw malformed("a chunk is longer than its announced size");
            }
            return n;
        }

        private long chunkSize() throws IOException {
            String line = line();
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw malformed("a chunk size is not a hexadecimal number");
            }
            return Long.parseLong(hex, 16);
        }

        private void skipTrailers() throws IOException {
            for (int i = 0; i < MAX_TRAILERS; i++) {
                if (line().isEmpty()) {
                    return;
                }
            }
            throw malformed("too many trailer lines");
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw malformed("the chunked body ended early");
                }
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                if (line.length() >= MAX_CHUNK_LINE) {
                    throw malformed("a chunk line is longer than " + MAX_CHUNK_LINE + " bytes");
                }
                line.append((char) c);
            }
        }

        private FetchRefusedException malformed(String why) {
            return new FetchRefusedException(Reason.MALFORMED_RESPONSE, url, why);
        }
    }

    /** Refuses with TOO_LARGE as soon as more than {@code cap} bytes come through. */
    static final class CappedInput extends BlockInput {
        private final long cap;
        private final String url;
        private final String what;
        private long seen;

        CappedInput(InputStream in, long cap, String url, String what) {
            super(in);
            this.cap = cap;
            this.url = url;
            this.what = what;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(count, cap - seen + 1));
            if (n > 0) {
                seen += n;
                if (seen > cap) {
                    throw new FetchRefusedException(Reason.TOO_LARGE, url, what + " is larger than the " + size(cap)
                            + " allowed");
                }
            }
            return n;
        }
    }
}
