/**
 * Members' blogs: reading their feeds into plain-text entries that become posts equal to native ones
 * (DESIGN rules 2, 3 and 9). {@link org.chorusfeed.blogs.BlogFeeds} reads RSS 2.0 (and 1.0), Atom 1.0,
 * JSON Feed 1.1 and h-feed pages, and finds the feed an HTML page names.
 *
 * <p>Everything is parsed by jsoup or Jackson: no DTD is processed, no external entity is fetched, no entity is
 * expanded. Entry HTML is reduced to plain text; what leaves here is text and http(s) links only. Fetching is not
 * done here: feeds come through {@code org.chorusfeed.outside.SafeFetcher}.
 */
@NullMarked
package org.chorusfeed.blogs;

import org.jspecify.annotations.NullMarked;
