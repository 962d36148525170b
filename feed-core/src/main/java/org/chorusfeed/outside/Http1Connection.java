package org.chorusfeed.outside;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.chorusfeed.outside.FetchRefusedException.Reason;

/**
 * One HTTP/1.1 exchange on a connected socket: a simple GET with {@code Connection: close}, then the response
 * head, then a body framed by {@code Content-Length}, chunks or the end of the connection, gzip decoded, each
 * step capped in size and bounded by the deadline.
 */
final class Http1Connection {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([1-5][0-9][0-9])(?: .*)?");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final int MAX_HEAD_BYTES = 64 << 10;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_INTERIM_RESPONSES = 5;

    private final Socket socket;
    private final InputStream in;
    private final String url;
    private int headBytes;

    Http1Connection(Socket socket, Deadline deadline, String url) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(new BodyStreams.DeadlineInput(socket, socket.getInputStream(), deadline, url));
        this.url = url;
    }

    /** Sends {@code GET target} with the request's headers; the request's values were checked to be plain ASCII. */
    void send(Destination destination, FetchRequest request, String userAgent) throws IOException {
        StringBuilder head = new StringBuilder(512)
                .append("GET ").append(destination.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(destination.hostHeader()).append("\r\n")
                .append("User-Agent: ").append(userAgent).append("\r\n")
                .append("Accept: ").append(String.join(", ", request.acceptedTypes())).append("\r\n")
                .append("Accept-Encoding: gzip\r\n")
                .append("Connection: close\r\n");
        request.ifNoneMatch().ifPresent(tag -> head.append("If-None-Match: ").append(tag).append("\r\n"));
        request.ifModifiedSince().ifPresent(date -> head.append("If-Modified-Since: ").append(date).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The response's status and headers, after any interim (1xx) responses. */
    ResponseHead readHead() throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
            ResponseHead head = readOneHead();
            if (head.status() >= 200) {
                return head;
            }
            if (head.status() == 101) {
                throw malformed("the server switched protocols, which a fetch never asks for");
            }
        }
        throw malformed("the server sent more than " + MAX_INTERIM_RESPONSES + " interim responses");
    }

    /** The body, capped at {@code maxBytes} as sent and again once decoded. */
    byte[] readBody(ResponseHead head, long maxBytes) throws IOException {
        InputStream body = new BodyStreams.CappedInput(framed(head, maxBytes), maxBytes, url, "the response");
        List<String> encodings = head.tokens("Content-Encoding");
        encodings.removeIf(encoding -> encoding.equals("identity"));
        if (encodings.size() == 1 && (encodings.get(0).equals("gzip") || encodings.get(0).equals("x-gzip"))) {
            body = new BodyStreams.CappedInput(new GZIPInputStream(body, 8192), maxBytes, url,
                    "the response, once decompressed,");
        } else if (!encodings.isEmpty()) {
            throw malformed("the content encoding " + String.join(", ", encodings) + " is not read; only gzip is");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }

    private InputStream framed(ResponseHead head, long maxBytes) throws IOException {
        List<String> transferCodings = head.tokens("Transfer-Encoding");
        if (!transferCodings.isEmpty()) {
            if (!transferCodings.equals(List.of("chunked"))) {
                throw malformed("the transfer coding " + String.join(", ", transferCodings) + " is not read; only "
                        + "chunked is");
            }
            return new BodyStreams.ChunkedInput(in, url);
        }
        List<String> lengths = head.tokens("Content-Length");
        if (lengths.isEmpty()) {
            return in;
        }
        String length = lengths.get(0);
        if (lengths.stream().anyMatch(other -> !other.equals(length)) || length.length() > 18
                || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed("its Content-Length is not one whole number");
        }
        long bytes = Long.parseLong(length);
        if (bytes > maxBytes) {
            throw new FetchRefusedException(Reason.TOO_LARGE, url, "the response announces " + BodyStreams.size(bytes)
                    + "; at most " + BodyStreams.size(maxBytes) + " are read");
        }
        return new BodyStreams.FixedLengthInput(in, bytes, url);
    }

    private ResponseHead readOneHead() throws IOException {
        String statusLine = line(true);
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw malformed("the server did not answer in HTTP/1.1");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(false); !line.isEmpty(); line = line(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
                throw malformed("a header line is not \"Name: value\"");
            }
            if (headers.size() == MAX_HEADERS) {
                throw malformed("the response has more than " + MAX_HEADERS + " headers");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip()));
        }
        return new ResponseHead(Integer.parseInt(status.group(1)), headers);
    }

    /** One header line without its line break, read as ISO-8859-1. */
    private String line(boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw first && line.length() == 0 && headBytes == 0
                        ? new FetchRefusedException(Reason.CONNECTION_FAILED, url, "the server closed the connection "
                                + "without answering")
                        : malformed("the response ended in its headers");
            }
            if (++headBytes > MAX_HEAD_BYTES) {
                throw malformed("the response headers are larger than " + BodyStreams.size(MAX_HEAD_BYTES));
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private FetchRefusedException malformed(String why) {
        return new FetchRefusedException(Reason.MALFORMED_RESPONSE, url, why);
    }
}
