package org.chorusfeed.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorusfeed.syndication.Fixtures.ADA;
import static org.chorusfeed.syndication.Fixtures.BOB;
import static org.chorusfeed.syndication.Fixtures.NOON;
import static org.chorusfeed.syndication.Fixtures.entry;
import static org.chorusfeed.syndication.Fixtures.feed;
import static org.chorusfeed.syndication.Fixtures.textPost;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every format shares: content types, ids, and writing the same thing twice. */
class SyndicationTest {

    @Test
    void contentType_namesEachFormatsMediaTypeInUtf8() {
        assertThat(Syndication.contentType(FeedFormat.ATOM)).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(Syndication.contentType(FeedFormat.RSS)).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(Syndication.contentType(FeedFormat.JSON_FEED)).isEqualTo("application/feed+json; charset=utf-8");
    }

    @Test
    void write_isTheFormatsOwnWriter() {
        List<FeedEntry> entries = List.of(entry(textPost(ADA, NOON, "same")));

        assertThat(Syndication.write(FeedFormat.ATOM, feed(), entries)).isEqualTo(Syndication.atom(feed(), entries));
        assertThat(Syndication.write(FeedFormat.RSS, feed(), entries)).isEqualTo(Syndication.rss(feed(), entries));
        assertThat(Syndication.write(FeedFormat.JSON_FEED, feed(), entries))
                .isEqualTo(Syndication.jsonFeed(feed(), entries));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void write_sameInput_givesTheSameBytes_soETagsHold(FeedFormat format) {
        List<FeedEntry> entries = List.of(entry(textPost(ADA, NOON, "one")),
                entry(textPost(BOB, NOON.minusSeconds(1), "two")));

        assertThat(Syndication.write(format, feed(), entries)).isEqualTo(Syndication.write(format, feed(), entries));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void write_entryIds_stayTheSame_whenThePostIsEdited_orAppearsInAnotherFeed(FeedFormat format) {
        Post post = textPost(ADA, NOON, "before");
        Post rewritten = new Post(post.id(), post.author(), "after", List.of(new Segment.Text("after")),
                post.inReplyTo(), post.source(), post.editedAt(), 0);
        Post edited = Fixtures.edited(rewritten, NOON.plusSeconds(30));
        FeedInfo tagFeed = feed().withSubtitle("only #BalticLab");

        String first = ids(Syndication.write(format, feed(), List.of(entry(post))));
        String again = ids(Syndication.write(format, tagFeed, List.of(entry(edited))));

        assertThat(first).isEqualTo("tag:hub.example,2026-11-30:post:" + post.id()).isEqualTo(again);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void write_isUtf8_soNonAsciiTextArrivesAsWritten(FeedFormat format) {
        String text = "Grüße aus Gdańsk \u2014 \u65E5\u672C \uD83C\uDF0A";

        String document = new String(Syndication.write(format, feed(), List.of(entry(textPost(ADA, NOON, text)))),
                StandardCharsets.UTF_8);

        assertThat(document).contains(text);
    }

    private static String ids(byte[] document) {
        Matcher ids = Pattern.compile("tag:hub\\.example,[0-9-]+:post:[0-9]+")
                .matcher(new String(document, StandardCharsets.UTF_8));
        assertThat(ids.find()).isTrue();
        return ids.group();
    }
}
