package org.chorusfeed.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A member's blog as a real server would serve it, for the tests: a WordPress-like page at {@code /blog/} whose
 * {@code <link rel="alternate">} names the RSS feed at {@code /blog/feed/}, with an {@code ETag} and conditional
 * GET. The test sets the entries; the servlet counts requests per path.
 */
final class BlogServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** One entry of the blog. */
    record Entry(String guid, String title, String html, Instant date) {
    }

    private volatile List<Entry> entries = List.of();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    void entries(List<Entry> newEntries) {
        this.entries = List.copyOf(newEntries);
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        byte[] body;
        if (path.endsWith("/blog/")) {
            response.setContentType("text/html; charset=UTF-8");
            body = ("<!doctype html><html><head><title>Baltic Lab Notes</title>"
                    + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Baltic Lab Notes &raquo; Feed\" "
                    + "href=\"/blog/feed/\"></head><body><h1>Baltic Lab Notes</h1></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith("/blog/feed/")) {
            response.setContentType("application/rss+xml; charset=UTF-8");
            body = rss(base).getBytes(StandardCharsets.UTF_8);
        } else {
            response.sendError(404);
            return;
        }
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String rss(String base) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Baltic Lab Notes</title>"
                + "<link>" + base + "/blog/</link>");
        for (Entry entry : entries) {
            xml.append("<item><title>").append(entry.title()).append("</title><link>").append(base).append("/blog/")
                    .append(entry.guid()).append("/</link><guid isPermaLink=\"false\">").append(entry.guid())
                    .append("</guid><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            entry.date().atOffset(ZoneOffset.UTC))).append("</pubDate><content:encoded><![CDATA[")
                    .append(entry.html()).append("]]></content:encoded></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
