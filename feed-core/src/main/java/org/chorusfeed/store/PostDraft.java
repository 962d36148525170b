package org.chorusfeed.store;

import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.text.PostText;

/**
 * A checked post the store is to insert, minting its id.
 *
 * @param author    the author, an active member
 * @param time      the post's time: now for native posts, the entry's date for backdated imports
 * @param backdated whether {@code time} lies in the past: the id is then the first free one in that
 *                  millisecond; otherwise it is greater than every id minted before (time of acceptance)
 * @param text      checked text with segments
 * @param inReplyTo the post it answers, which exists
 * @param source    native or imported
 */
public record PostDraft(MemberId author, Instant time, boolean backdated, PostText text, Optional<PostId> inReplyTo,
        PostSource source) {
}
