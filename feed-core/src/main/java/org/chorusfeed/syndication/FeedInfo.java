package org.chorusfeed.syndication;

import java.net.URI;
import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.member.Names;

/**
 * What a feed says about itself.
 *
 * @param title    the feed's title, such as the hub's name and the filter applied
 * @param selfUrl  where this feed is served, filters included; also the Atom feed's id
 * @param siteUrl  the hub's page that shows the same timeline; its host names the entries' ids
 * @param subtitle a line about the feed, if any
 * @param updated  when the feed last changed, usually the newest post's time
 * @param language the feed's language as a BCP 47 tag, such as {@code en} or {@code de-AT}
 */
public record FeedInfo(String title, URI selfUrl, URI siteUrl, Optional<String> subtitle, Instant updated,
        String language) {

    /** Checks every field: a title, absolute http or https URLs, a well-formed language tag. */
    public FeedInfo {
        title = title.strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("feed title is empty; give the feed a title");
        }
        Names.requireWebUrl("feed self URL", selfUrl);
        Names.requireWebUrl("feed site URL", siteUrl);
        subtitle = subtitle.map(String::strip).filter(line -> !line.isEmpty());
        language = requireLanguage(language);
    }

    /** A feed without a subtitle, in English. */
    public static FeedInfo of(String title, URI selfUrl, URI siteUrl, Instant updated) {
        return new FeedInfo(title, selfUrl, siteUrl, Optional.empty(), updated, "en");
    }

    /** A copy with this subtitle. */
    public FeedInfo withSubtitle(String newSubtitle) {
        return new FeedInfo(title, selfUrl, siteUrl, Optional.of(newSubtitle), updated, language);
    }

    /** A copy in this language (a BCP 47 tag). */
    public FeedInfo withLanguage(String newLanguage) {
        return new FeedInfo(title, selfUrl, siteUrl, subtitle, updated, newLanguage);
    }

    private static String requireLanguage(String language) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(language).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("feed language '" + language
                    + "' is not a BCP 47 language tag; use one such as 'en' or 'de-AT'", e);
        }
    }
}
