package org.chorusfeed.servlet.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.servlet.ChorusServletConfig;
import org.chorusfeed.syndication.FeedEntry;
import org.chorusfeed.syndication.FeedFormat;
import org.chorusfeed.syndication.FeedInfo;
import org.chorusfeed.syndication.Syndication;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;

/**
 * {@code GET /feed.atom}, {@code /feed.rss} and {@code /feed.json}: a timeline page, with the timeline's filters,
 * as Atom 1.0, RSS 2.0 or JSON Feed 1.1, written by feed-core's syndication (which escapes all post text), with
 * conditional GET.
 */
final class FeedRoutes {
    /** The query parameters a feed takes, in the order its own URL lists them. */
    private static final String[] PARAMETERS = {"member", "org", "tag", "replies", "source", "limit", "before", "after"};

    private final ChorusServletConfig config;
    private final Chorus chorus;
    private final People people;

    FeedRoutes(ChorusServletConfig config, People people) {
        this.config = config;
        this.chorus = config.chorus();
        this.people = people;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/feed.atom", Access.READ, x -> feed(x, FeedFormat.ATOM, "feed.atom"))
                .add("GET", "/feed.rss", Access.READ, x -> feed(x, FeedFormat.RSS, "feed.rss"))
                .add("GET", "/feed.json", Access.READ, x -> feed(x, FeedFormat.JSON_FEED, "feed.json"));
    }

    private void feed(Exchange x, FeedFormat format, String name) throws IOException {
        QueryString query = x.queryString();
        TimelineQuery timelineQuery = TimelineQueries.from(query);
        Page<Post> page = chorus.timeline().read(timelineQuery);
        String base = Mount.baseUrl(x.request(), config.publicBaseUrl());
        Directory directory = new Directory(chorus, people);
        List<FeedEntry> entries = new ArrayList<>(page.items().size());
        Instant updated = Instant.EPOCH;
        for (Post post : page.items()) {
            Optional<Member> author = directory.member(post.author());
            if (author.isEmpty()) {
                continue;
            }
            Optional<Organisation> organisation = author.get().organisation().flatMap(directory::organisation);
            entries.add(new FeedEntry(post, author.get(), organisation, URI.create(base + "/api/posts/" + post.id())));
            Instant changed = post.editedAt().filter(t -> t.isAfter(post.publishedAt())).orElse(post.publishedAt());
            updated = changed.isAfter(updated) ? changed : updated;
        }
        FeedInfo info = FeedInfo.of(title(timelineQuery), URI.create(base + "/" + name + queryOf(query)),
                URI.create(base), updated);
        byte[] body = Syndication.write(format, info, entries);
        x.sendTagged(format.contentType(), body, ETags.weak(body), "no-cache");
    }

    private String title(TimelineQuery query) {
        StringJoiner filters = new StringJoiner(", ");
        query.member().ifPresent(handle -> filters.add("@" + handle));
        query.organisation().ifPresent(slug -> filters.add(chorus.organisations().find(slug)
                .map(Organisation::name).orElse(slug)));
        query.tag().ifPresent(tag -> filters.add("#" + tag));
        return filters.length() == 0 ? config.hubTitle() : config.hubTitle() + ": " + filters;
    }

    /** The feed's own query, re-encoded from the parsed parameters (never copied raw from the request). */
    private static String queryOf(QueryString query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String name : PARAMETERS) {
            query.get(name).ifPresent(value -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return joined.toString();
    }
}
