package org.chorusfeed.servlet.internal;

import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.post.SourceKind;
import org.chorusfeed.timeline.TimelineQuery;

/**
 * Reads the timeline's query parameters ({@code before, after, limit, member, org, tag, replies, source}), shared
 * by the timeline and the feeds. Every malformed value is a 400 problem naming the parameter.
 */
final class TimelineQueries {
    private TimelineQueries() {
    }

    /** The page size: {@code limit}, 1 to 100, default 20. */
    static int limit(QueryString query) {
        Optional<String> value = query.get("limit");
        if (value.isEmpty()) {
            return TimelineQuery.DEFAULT_LIMIT;
        }
        String text = value.get();
        int limit = -1;
        if (text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            limit = Integer.parseInt(text);
        }
        if (limit < 1 || limit > TimelineQuery.MAX_LIMIT) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "limit is '" + JsonBody.printable(text)
                    + "'; give a whole number from 1 to " + TimelineQuery.MAX_LIMIT).with("parameter", "limit")
                    .with("minimum", 1).with("maximum", TimelineQuery.MAX_LIMIT);
        }
        return limit;
    }

    /** Whether the query asks for the newest page of everything (what the cache holds). */
    static boolean isNewestUnfiltered(QueryString query) {
        return query.get("before").isEmpty() && query.get("after").isEmpty() && query.get("member").isEmpty()
                && query.get("org").isEmpty() && query.get("tag").isEmpty() && query.get("source").isEmpty()
                && replies(query);
    }

    /** The query as the timeline reads it. */
    static TimelineQuery from(QueryString query) {
        TimelineQuery q = TimelineQuery.latest().limit(limit(query)).replies(replies(query));
        try {
            if (query.get("before").isPresent()) {
                q = q.before(query.get("before").get());
            }
            if (query.get("after").isPresent()) {
                q = q.after(query.get("after").get());
            }
            if (query.get("member").isPresent()) {
                q = q.member(query.get("member").get());
            }
            if (query.get("org").isPresent()) {
                q = q.organisation(query.get("org").get());
            }
            if (query.get("tag").isPresent()) {
                q = q.tag(query.get("tag").get());
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, e.getMessage());
        }
        Optional<String> source = query.get("source");
        if (source.isPresent()) {
            q = q.source(switch (source.get()) {
                case "native" -> SourceKind.NATIVE;
                case "blog" -> SourceKind.BLOG;
                default -> throw new ProblemException(ProblemType.INVALID_PARAMETER, "source is '"
                        + JsonBody.printable(source.get()) + "'; give native or blog").with("parameter", "source");
            });
        }
        return q;
    }

    static boolean replies(QueryString query) {
        Optional<String> value = query.get("replies");
        if (value.isEmpty()) {
            return true;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(ProblemType.INVALID_PARAMETER, "replies is '"
                    + JsonBody.printable(value.get()) + "'; give true or false").with("parameter", "replies");
        };
    }
}
