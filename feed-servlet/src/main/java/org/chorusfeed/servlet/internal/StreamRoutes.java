package org.chorusfeed.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/stream}: server-sent events of post changes, resumable from {@code Last-Event-ID} (or
 * {@code ?lastEventId=}, for clients that cannot set headers).
 */
final class StreamRoutes {
    /** How long clients wait before reconnecting, in milliseconds. */
    static final int RETRY_MILLIS = 3000;
    private static final byte[] PREAMBLE = (": chorus live stream\nretry: " + RETRY_MILLIS + "\n\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Chorus chorus;
    private final StreamHub hub;
    private final int queueCapacity;

    StreamRoutes(Chorus chorus, StreamHub hub, int queueCapacity) {
        this.chorus = chorus;
        this.hub = hub;
        this.queueCapacity = queueCapacity;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/stream", Access.READ, this::stream);
    }

    private void stream(Exchange x) throws IOException {
        StreamFilter filter = filter(x);
        long lastEventId = lastEventId(x);
        HttpServletRequest request = x.request();
        HttpServletResponse response = x.response();
        if (!request.isAsyncSupported()) {
            throw new IllegalStateException("the Chorus servlet is mounted without async support; register it with "
                    + "setAsyncSupported(true) or <async-supported>true</async-supported>");
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (!hub.tryReserve()) {
            throw new ProblemException(ProblemType.TOO_MANY_STREAMS, "the live stream has as many connections as "
                    + "it takes; try again in a minute").header("Retry-After", "60");
        }
        boolean registered = false;
        try {
            AsyncContext async = request.startAsync();
            async.setTimeout(0);
            ServletOutputStream out = response.getOutputStream();
            long newest = chorus.changes().lastSeq();
            long position = lastEventId < 0 ? newest : Math.min(lastEventId, newest);
            StreamClient client = new StreamClient(hub, async, out, filter, position, queueCapacity);
            async.addListener(client);
            client.enqueue(PREAMBLE);
            hub.register(client);
            registered = true;
            out.setWriteListener(client);
        } finally {
            if (!registered) {
                hub.release();
            }
        }
    }

    private static StreamFilter filter(Exchange x) {
        Optional<String> member = x.query("member");
        Optional<String> organisation = x.query("org");
        Optional<String> tag = x.query("tag");
        try {
            // The timeline's rules for these filters, so both say the same about a bad value.
            TimelineQuery check = TimelineQuery.latest();
            member.ifPresent(check::member);
            organisation.ifPresent(check::organisation);
            tag.ifPresent(check::tag);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, e.getMessage());
        }
        return new StreamFilter(member, organisation, tag);
    }

    /** The seq to resume after, or -1 for a fresh start. */
    private static long lastEventId(Exchange x) {
        @Nullable String value = x.request().getHeader("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = x.query("lastEventId").orElse(null);
        }
        if (value == null || value.isBlank()) {
            return -1;
        }
        String trimmed = value.trim();
        if (trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "Last-Event-ID is '" + JsonBody.printable(trimmed)
                    + "'; give the id of the last event received, as the stream sent it").with("parameter", "lastEventId");
        }
        return Long.parseLong(trimmed);
    }
}
