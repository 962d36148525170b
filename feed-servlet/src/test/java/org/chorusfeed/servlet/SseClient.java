package org.chorusfeed.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small, strict text/event-stream reader: events as the WHATWG algorithm dispatches them (id, event, data),
 * comments separately, the last event id as a browser's EventSource tracks it. Its own thread reads.
 */
final class SseClient implements AutoCloseable {
    record Event(String id, String event, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final List<String> retries = new ArrayList<>();
    private volatile String lastEventId = "";
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    static SseClient open(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return new SseClient(http.send(request.header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event, or null after the timeout. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next comment line (without the colon), or null after the timeout. */
    String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String lastEventId() {
        return lastEventId;
    }

    synchronized List<String> retries() {
        return List.copyOf(retries);
    }

    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = lastEventId;
            String event = "";
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    lastEventId = id;
                    if (hasData) {
                        events.add(new Event(id, event.isEmpty() ? "message" : event, data.toString()));
                    }
                    event = "";
                    data.setLength(0);
                    hasData = false;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> {
                        if (hasData) {
                            data.append('\n');
                        }
                        data.append(value);
                        hasData = true;
                    }
                    case "retry" -> {
                        synchronized (this) {
                            retries.add(value);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the server ended it
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
