package org.chorusfeed.blogs;

/** What a fetched document turned out to be: a feed with entries, or a page that names its feeds. */
public sealed interface FeedDocument permits ParsedFeed, FeedLinks {
}
