package org.chorusfeed.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.blogs.BlogStatus;
import org.chorusfeed.member.Member;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.GivenAppreciation;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.syndication.FeedEntry;
import org.chorusfeed.syndication.FeedInfo;
import org.chorusfeed.syndication.Syndication;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's export as one zip archive: {@value #MEMBER_JSON} (everything, as JSON; times are ISO-8601 UTC with
 * milliseconds, ids are strings) and {@value #POSTS_ATOM} (their posts as an Atom 1.0 feed, written by
 * {@link Syndication}). Written straight to the given stream, entry by entry.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of(ExportArchive.fileName(export)))) {
 *     ExportArchive.write(export, feedInfo, id -> URI.create("https://hub.example/?post=" + id), out);
 * }
 * }</pre>
 */
public final class ExportArchive {
    /** The JSON document's name inside the archive. */
    public static final String MEMBER_JSON = "member.json";
    /** The Atom feed's name inside the archive. */
    public static final String POSTS_ATOM = "posts.atom";
    /** The version of the JSON document's shape, its {@code format} field. */
    public static final String FORMAT = "chorus-export/1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExportArchive() {
    }

    /** The archive's file name: {@code chorus-export-<handle>.zip} (a handle is letters, digits, '-' and '_'). */
    public static String fileName(MemberExport export) {
        return "chorus-export-" + export.member().handle() + ".zip";
    }

    /**
     * Writes the archive to {@code out}, which stays open.
     *
     * @param atomFeed the Atom feed's title, address and site (its {@code updated} is replaced by the newest post's)
     * @param postLink each post's page on the hub
     */
    public static void write(MemberExport export, FeedInfo atomFeed, Function<PostId, URI> postLink, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new Unclosed(out));
        FileTime time = FileTime.from(export.exportedAt());
        zip.putNextEntry(entry(MEMBER_JSON, time));
        writeJson(export, zip);
        zip.closeEntry();
        zip.putNextEntry(entry(POSTS_ATOM, time));
        zip.write(atom(export, atomFeed, postLink));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** The posts as an Atom 1.0 feed, newest first. */
    public static byte[] atom(MemberExport export, FeedInfo feed, Function<PostId, URI> postLink) {
        Member member = export.member();
        List<FeedEntry> entries = new ArrayList<>(export.posts().size());
        Instant updated = Instant.EPOCH;
        for (ExportedPost exported : export.posts()) {
            Post post = exported.post();
            entries.add(new FeedEntry(post, member, export.organisation(), postLink.apply(post.id())));
            Instant changed = post.editedAt().filter(t -> t.isAfter(post.publishedAt())).orElse(post.publishedAt());
            updated = changed.isAfter(updated) ? changed : updated;
        }
        FeedInfo info = new FeedInfo(feed.title(), feed.selfUrl(), feed.siteUrl(), feed.subtitle(),
                export.posts().isEmpty() ? export.exportedAt() : updated, feed.language());
        return Syndication.atom(info, entries);
    }

    private static ZipEntry entry(String name, FileTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        return entry;
    }

    private static void writeJson(MemberExport export, OutputStream out) {
        try (JsonGenerator json = JsonMapper.shared().writerWithDefaultPrettyPrinter().createGenerator(new Unclosed(out))) {
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeStringProperty("exportedAt", time(export.exportedAt()));
            member(json, export);
            json.writeArrayPropertyStart("posts");
            for (ExportedPost post : export.posts()) {
                post(json, post);
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("appreciationsGiven");
            for (GivenAppreciation given : export.appreciationsGiven()) {
                json.writeStartObject();
                json.writeStringProperty("post", given.post().toString());
                json.writeStringProperty("at", time(given.at()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("tokens");
            for (AccessToken token : export.tokens()) {
                token(json, token);
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("reportsMade");
            for (Report report : export.reportsMade()) {
                report(json, report);
            }
            json.writeEndArray();
            blogFeed(json, export);
            json.writeEndObject();
        }
    }

    private static void member(JsonGenerator json, MemberExport export) {
        Member member = export.member();
        json.writeObjectPropertyStart("member");
        json.writeStringProperty("id", member.id().toString());
        json.writeStringProperty("handle", member.handle());
        json.writeStringProperty("name", member.name());
        if (export.organisation().isPresent()) {
            json.writeObjectPropertyStart("organisation");
            json.writeStringProperty("slug", export.organisation().get().slug());
            json.writeStringProperty("name", export.organisation().get().name());
            json.writeEndObject();
        } else {
            json.writeNullProperty("organisation");
        }
        json.writeStringProperty("bio", member.bio());
        json.writeArrayPropertyStart("links");
        for (URI link : member.links()) {
            json.writeString(link.toString());
        }
        json.writeEndArray();
        nullable(json, "blogFeedUrl", member.blogFeedUrl().map(URI::toString));
        json.writeStringProperty("role", member.role().name().toLowerCase(Locale.ROOT));
        json.writeStringProperty("status", member.status().name().toLowerCase(Locale.ROOT));
        json.writeStringProperty("joinedAt", time(member.joinedAt()));
        nullable(json, "language", member.language());
        nullable(json, "account", member.account());
        json.writeEndObject();
    }

    private static void post(JsonGenerator json, ExportedPost exported) {
        Post post = exported.post();
        json.writeStartObject();
        json.writeStringProperty("id", post.id().toString());
        json.writeStringProperty("publishedAt", time(post.publishedAt()));
        nullable(json, "editedAt", post.editedAt().map(ExportArchive::time));
        nullable(json, "inReplyTo", post.inReplyTo().map(PostId::toString));
        json.writeObjectPropertyStart("source");
        json.writeStringProperty("kind", post.source().kind().name().toLowerCase(Locale.ROOT));
        if (post.source() instanceof PostSource.Blog blog) {
            json.writeStringProperty("url", blog.url().toString());
            json.writeStringProperty("title", blog.title());
        }
        json.writeEndObject();
        json.writeStringProperty("text", post.text());
        json.writeNumberProperty("appreciations", post.appreciations());
        if (post.preview().isPresent()) {
            json.writeObjectPropertyStart("preview");
            json.writeStringProperty("url", post.preview().get().url().toString());
            json.writeStringProperty("title", post.preview().get().title());
            json.writeStringProperty("description", post.preview().get().description());
            json.writeStringProperty("siteName", post.preview().get().siteName());
            json.writeEndObject();
        } else {
            json.writeNullProperty("preview");
        }
        if (post.hidden().isPresent()) {
            json.writeObjectPropertyStart("hidden");
            json.writeStringProperty("reason", post.hidden().get().reason());
            json.writeStringProperty("at", time(post.hidden().get().at()));
            json.writeEndObject();
        } else {
            json.writeNullProperty("hidden");
        }
        json.writeArrayPropertyStart("history");
        for (PostVersion version : exported.history()) {
            json.writeStartObject();
            json.writeStringProperty("text", version.text());
            json.writeStringProperty("since", time(version.since()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void token(JsonGenerator json, AccessToken token) {
        json.writeStartObject();
        json.writeStringProperty("id", Long.toString(token.id()));
        json.writeStringProperty("label", token.label());
        json.writeStringProperty("createdAt", time(token.createdAt()));
        nullable(json, "revokedAt", token.revokedAt().map(ExportArchive::time));
        json.writeEndObject();
    }

    private static void report(JsonGenerator json, Report report) {
        json.writeStartObject();
        json.writeStringProperty("id", Long.toString(report.id()));
        json.writeStringProperty("post", report.post().toString());
        json.writeStringProperty("reason", report.reason());
        json.writeStringProperty("status", report.status().name().toLowerCase(Locale.ROOT));
        json.writeStringProperty("createdAt", time(report.createdAt()));
        nullable(json, "decidedAt", report.decidedAt().map(ExportArchive::time));
        nullable(json, "decision", report.decision());
        json.writeEndObject();
    }

    /** The blog feed URL the member set, and how importing it goes; {@code "url": null} without one. */
    private static void blogFeed(JsonGenerator json, MemberExport export) {
        json.writeObjectPropertyStart("blogFeed");
        nullable(json, "url", export.member().blogFeedUrl().map(URI::toString));
        if (export.blogFeed().isPresent()) {
            BlogStatus status = export.blogFeed().get();
            nullable(json, "feedUrl", status.feedUrl().map(URI::toString));
            nullable(json, "lastSuccessAt", status.lastSuccessAt().map(ExportArchive::time));
            nullable(json, "lastError", status.lastError());
            nullable(json, "lastErrorAt", status.lastErrorAt().map(ExportArchive::time));
            json.writeStringProperty("nextPollAt", time(status.nextPollAt()));
            json.writeNumberProperty("imported", status.imported());
        }
        json.writeEndObject();
    }

    private static void nullable(JsonGenerator json, String name, Optional<String> value) {
        if (value.isPresent()) {
            json.writeStringProperty(name, value.get());
        } else {
            json.writeNullProperty(name);
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Passes writes through but leaves the stream open on close: the caller owns it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
