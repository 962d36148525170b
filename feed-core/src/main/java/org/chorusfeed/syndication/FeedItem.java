package org.chorusfeed.syndication;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.text.Segment;

/**
 * One entry as every format writes it, worked out once so the three formats cannot disagree.
 *
 * @param id        stable id: a {@code tag:} URI from the hub's host, the post's date and its id
 * @param link      where a reader goes: the blog entry for imported posts, else the post's page on the hub
 * @param title     the blog entry's title, or the post's first line
 * @param author    the author as shown: name, handle and organisation
 * @param text      the post's plain text
 * @param html      the post as cleaned HTML
 * @param published when the post reached the network
 * @param edited    when it was last edited, if ever
 * @param tags      its tags as written, each once
 */
record FeedItem(String id, URI link, String title, String author, String text, String html, Instant published,
        Optional<Instant> edited, List<String> tags) {

    /** The entry worked out for the given feed. */
    static FeedItem of(FeedInfo feed, FeedEntry entry) {
        Post post = entry.post();
        String author = author(entry);
        URI link = entry.link();
        String title = FeedText.title(post.text());
        if (post.source() instanceof PostSource.Blog blog) {
            link = blog.url();
            title = blog.title().isBlank() ? title : blog.title().strip();
        }
        return new FeedItem(id(feed, post), link, title.isEmpty() ? author : title, author, post.text(),
                PostHtml.render(post.segments()), post.publishedAt(), post.editedAt(), tags(post));
    }

    /** When the entry last changed: its edit, or else its publication. */
    Instant updated() {
        return edited.orElse(published);
    }

    private static String id(FeedInfo feed, Post post) {
        String host = feed.siteUrl().getHost().toLowerCase(Locale.ROOT);
        LocalDate day = LocalDate.ofInstant(post.publishedAt(), ZoneOffset.UTC);
        return "tag:" + host + "," + day + ":post:" + post.id();
    }

    private static String author(FeedEntry entry) {
        String organisation = entry.organisation().map(org -> ", " + org.name()).orElse("");
        return entry.author().name() + " (@" + entry.author().handle() + organisation + ")";
    }

    private static List<String> tags(Post post) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Segment segment : post.segments()) {
            if (segment instanceof Segment.Tag tag) {
                tags.putIfAbsent(tag.tag().toLowerCase(Locale.ROOT), tag.tag());
            }
        }
        return List.copyOf(tags.values());
    }
}
