package org.chorusfeed.servlet.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One post change as a server-sent event, rendered once and shared by every connection it goes to.
 *
 * @param seq          the change-log seq, sent as the event's {@code id}
 * @param frame        the complete event in UTF-8: {@code id:}, {@code event:}, {@code data:} and a blank line
 * @param authorHandle the post's author, for the {@code member} filter
 * @param organisation the author's organisation, for the {@code org} filter
 * @param tags         the post's tags lower-cased, for the {@code tag} filter
 * @param deletion     whether this is {@code post.deleted}, whose tags are no longer known
 */
record StreamEvent(long seq, byte[] frame, @Nullable String authorHandle, @Nullable String organisation,
        Set<String> tags, boolean deletion) {
}
