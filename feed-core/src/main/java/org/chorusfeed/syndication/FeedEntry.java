package org.chorusfeed.syndication;

import java.net.URI;
import java.util.Optional;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.Names;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;

/**
 * One post as a feed shows it, with the author and the address of the post on the hub.
 *
 * <p>A post imported from its author's blog links to the blog entry instead of {@code link}. Either way the
 * entry's id is a {@code tag:} URI built from the hub's host and the post's id, so it survives edits.
 *
 * @param post         the post
 * @param author       who wrote it; must be the post's author
 * @param organisation the author's organisation, if the author belongs to one
 * @param link         the post's own page on the hub, such as {@code https://hub.example/?post=123}
 */
public record FeedEntry(Post post, Member author, Optional<Organisation> organisation, URI link) {

    /** Checks that author and organisation belong to the post and that the link is an http or https URL. */
    public FeedEntry {
        if (!author.id().equals(post.author())) {
            throw new IllegalArgumentException("author is member " + author.id() + " (@" + author.handle()
                    + ") but post " + post.id() + " was written by member " + post.author());
        }
        organisation.ifPresent(org -> {
            if (!author.organisation().equals(Optional.of(org.slug()))) {
                throw new IllegalArgumentException("organisation is '" + org.slug() + "' but @" + author.handle()
                        + " belongs to " + author.organisation().map(slug -> "'" + slug + "'").orElse("none"));
            }
        });
        Names.requireWebUrl("post link", link);
    }

    /** An entry whose author belongs to no organisation (or whose organisation is not shown). */
    public FeedEntry(Post post, Member author, URI link) {
        this(post, author, Optional.empty(), link);
    }
}
