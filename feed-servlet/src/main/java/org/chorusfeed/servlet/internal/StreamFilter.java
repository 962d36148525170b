package org.chorusfeed.servlet.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The live stream's filters: only posts of this member, of this organisation's members, with this tag. Applied
 * on the server, so a client receives only what it shows. Deletions pass the tag filter: a deleted post's tags
 * are gone, and a deletion of a post a client never had is harmless to it.
 *
 * @param member       a handle
 * @param organisation an organisation slug
 * @param tag          a tag, lower-cased
 */
record StreamFilter(Optional<String> member, Optional<String> organisation, Optional<String> tag) {
    static final StreamFilter ALL = new StreamFilter(Optional.empty(), Optional.empty(), Optional.empty());

    StreamFilter {
        tag = tag.map(t -> (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT));
    }

    boolean matches(StreamEvent event) {
        if (member.isPresent() && !member.get().equals(event.authorHandle())) {
            return false;
        }
        if (organisation.isPresent() && !organisation.get().equals(event.organisation())) {
            return false;
        }
        return tag.isEmpty() || event.deletion() || event.tags().contains(tag.get());
    }
}
