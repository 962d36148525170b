package org.chorusfeed.internal;

import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.chorusfeed.blogs.BlogFeedUrlException;
import org.chorusfeed.outside.FetchRefusedException;
import org.chorusfeed.outside.SafeFetcher;

/**
 * Checks a blog feed URL when a member sets it, as far as the {@link SafeFetcher} can without the network, and
 * hands back the URL as it will be fetched.
 */
public final class BlogUrlCheck implements UnaryOperator<URI> {
    private final SafeFetcher fetcher;

    /** Checks with this fetcher's rules (and its allow-list). */
    public BlogUrlCheck(SafeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * The URL normalised as it will be fetched.
     *
     * @throws BlogFeedUrlException when the fetcher would refuse it whatever the network says
     */
    @Override
    public URI apply(URI url) {
        try {
            return fetcher.check(url.toString());
        } catch (FetchRefusedException e) {
            throw new BlogFeedUrlException(url.toString(), e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "the blog feed URL is refused: " + e.getMessage());
        }
    }
}
