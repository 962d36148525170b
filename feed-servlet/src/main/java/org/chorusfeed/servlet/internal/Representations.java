package org.chorusfeed.servlet.internal;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.text.Segment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the API (field names are part of the contract). Built as Jackson trees, so every string is
 * escaped by Jackson and never by hand.
 */
public final class Representations {
    /** The one mapper for writing: plain JSON, UTF-8. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Representations() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A time with millisecond precision in UTC: {@code 2026-11-30T10:00:00.123Z}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * A post, with its author and the author of the post it answers.
     *
     * @param appreciatedByMe whether the reader appreciates it; null leaves the field out (anonymous or shared)
     */
    static ObjectNode post(Post post, Directory directory, @Nullable Boolean appreciatedByMe) {
        ObjectNode node = object();
        node.put("id", post.id().toString());
        Optional<Member> author = directory.member(post.author());
        node.set("author", author.map(m -> author(m, directory)).orElseGet(Representations::formerMember));
        node.put("publishedAt", time(post.publishedAt()));
        node.put("text", post.text());
        ArrayNode segments = node.putArray("segments");
        for (Segment segment : post.segments()) {
            segments.add(segment(segment));
        }
        if (post.inReplyTo().isPresent()) {
            node.put("inReplyTo", post.inReplyTo().get().toString());
            Optional<Member> repliedTo = directory.post(post.inReplyTo().get()).flatMap(p -> directory.member(p.author()));
            if (repliedTo.isPresent()) {
                ObjectNode who = node.putObject("inReplyToAuthor");
                who.put("handle", repliedTo.get().handle());
                who.put("name", repliedTo.get().name());
            } else {
                node.putNull("inReplyToAuthor");
            }
        } else {
            node.putNull("inReplyTo");
            node.putNull("inReplyToAuthor");
        }
        node.set("source", source(post.source()));
        node.set("preview", preview(post, directory));
        node.put("appreciations", post.appreciations());
        if (post.editedAt().isPresent()) {
            node.put("editedAt", time(post.editedAt().get()));
        } else {
            node.putNull("editedAt");
        }
        // moderation (issue 7): present for the author and admins, the only readers given a hidden post
        if (post.hidden().isPresent()) {
            node.set("hidden", ModerationJson.hiding(post.hidden().get(), directory));
        } else {
            node.putNull("hidden");
        }
        if (appreciatedByMe != null) {
            node.put("appreciatedByMe", appreciatedByMe.booleanValue());
        }
        return node;
    }

    /** A post's link preview, or JSON null: plain-text fields and the URL of the hub's copy of its image. */
    private static tools.jackson.databind.JsonNode preview(Post post, Directory directory) {
        if (post.preview().isEmpty()) {
            return NODES.nullNode();
        }
        LinkPreview preview = post.preview().get();
        ObjectNode node = object();
        node.put("url", preview.url().toString());
        node.put("title", preview.title());
        node.put("description", preview.description());
        node.put("siteName", preview.siteName());
        node.put("image", preview.image().map(directory::previewImage).orElse(null));
        return node;
    }

    private static ObjectNode author(Member member, Directory directory) {
        ObjectNode node = object();
        node.put("handle", member.handle());
        node.put("name", member.name());
        node.set("organisation", organisationRef(member, directory));
        return node;
    }

    private static ObjectNode formerMember() {
        ObjectNode node = object();
        node.putNull("handle");
        node.put("name", "former member");
        node.putNull("organisation");
        return node;
    }

    private static tools.jackson.databind.JsonNode organisationRef(Member member, Directory directory) {
        return organisationRef(member.organisation(), directory);
    }

    /** {@code {"slug","name"}} of an organisation, or JSON null for none. */
    static tools.jackson.databind.JsonNode organisationRef(Optional<String> organisation, Directory directory) {
        if (organisation.isEmpty()) {
            return NODES.nullNode();
        }
        String slug = organisation.get();
        ObjectNode node = object();
        node.put("slug", slug);
        node.put("name", directory.organisation(slug).map(Organisation::name).orElse(slug));
        return node;
    }

    /** A segment: {@code {"type":"text"|"link"|"mention"|"tag","text":...}} plus its own field. */
    static ObjectNode segment(Segment segment) {
        ObjectNode node = object();
        if (segment instanceof Segment.Link link) {
            node.put("type", "link");
            node.put("text", link.text());
            node.put("href", link.href());
        } else if (segment instanceof Segment.Mention mention) {
            node.put("type", "mention");
            node.put("text", mention.text());
            node.put("handle", mention.handle());
        } else if (segment instanceof Segment.Tag tag) {
            node.put("type", "tag");
            node.put("text", tag.text());
            node.put("tag", tag.tag());
        } else {
            node.put("type", "text");
            node.put("text", segment.text());
        }
        return node;
    }

    private static ObjectNode source(PostSource source) {
        ObjectNode node = object();
        if (source instanceof PostSource.Blog blog) {
            node.put("kind", "blog");
            node.put("url", blog.url().toString());
            node.put("title", blog.title());
        } else {
            node.put("kind", "native");
        }
        return node;
    }

    /** One version from a post's history. */
    static ObjectNode version(PostVersion version) {
        ObjectNode node = object();
        node.put("text", version.text());
        ArrayNode segments = node.putArray("segments");
        for (Segment segment : version.segments()) {
            segments.add(segment(segment));
        }
        node.put("since", time(version.since()));
        return node;
    }

    /** A member's profile. */
    static ObjectNode member(Member member, Directory directory) {
        ObjectNode node = object();
        node.put("handle", member.handle());
        node.put("name", member.name());
        node.set("organisation", organisationRef(member, directory));
        node.put("bio", member.bio());
        ArrayNode links = node.putArray("links");
        for (URI link : member.links()) {
            links.add(link.toString());
        }
        if (member.blogFeedUrl().isPresent()) {
            node.put("blogFeedUrl", member.blogFeedUrl().get().toString());
        } else {
            node.putNull("blogFeedUrl");
        }
        node.put("role", member.role().name().toLowerCase(Locale.ROOT));
        node.put("status", member.status().name().toLowerCase(Locale.ROOT));
        node.put("joinedAt", time(member.joinedAt()));
        // members helper
        if (member.language().isPresent()) {
            node.put("language", member.language().get());
        } else {
            node.putNull("language");
        }
        return node;
    }

    /** An organisation. */
    static ObjectNode organisation(Organisation organisation) {
        ObjectNode node = object();
        node.put("slug", organisation.slug());
        node.put("name", organisation.name());
        if (organisation.website().isPresent()) {
            node.put("website", organisation.website().get().toString());
        } else {
            node.putNull("website");
        }
        node.put("description", organisation.description());
        return node;
    }

    /** What is known of an access token (never its secret). */
    static ObjectNode token(AccessToken token) {
        ObjectNode node = object();
        node.put("id", Long.toString(token.id()));
        node.put("label", token.label());
        node.put("createdAt", time(token.createdAt()));
        if (token.revokedAt().isPresent()) {
            node.put("revokedAt", time(token.revokedAt().get()));
        } else {
            node.putNull("revokedAt");
        }
        return node;
    }
}
