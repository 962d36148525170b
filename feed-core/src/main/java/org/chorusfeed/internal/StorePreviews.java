package org.chorusfeed.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.post.Previews;
import org.chorusfeed.store.Store;

/** {@link Previews} over a store: checks who may remove a preview, then writes. */
public final class StorePreviews implements Previews {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Store store;
    private final Clock clock;
    private final boolean enabled;

    /** Previews kept in this store, timed by this clock; {@code enabled} says whether they are fetched. */
    public StorePreviews(Store store, Clock clock, boolean enabled) {
        this.store = store;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Post remove(PostId id, MemberId actorId) {
        Post post = store.findPost(id).orElseThrow(() -> new NoSuchPostException(id));
        Member actor = store.findMember(actorId).orElseThrow(() -> new NoSuchMemberException(actorId.toString()));
        boolean admin = actor.isActiveAdmin();
        if (!post.author().equals(actor.id()) && !admin) {
            throw new NotPermittedException(NotPermittedException.Reason.NOT_AUTHOR_OR_ADMIN,
                    "only the author or a hub admin can remove the preview of post " + id);
        }
        Optional<URI> link = PreviewLinks.firstLink(post);
        if (link.isEmpty()) {
            return post;
        }
        return store.removePreview(id, link.get(), clock.instant()).orElseThrow(() -> new NoSuchPostException(id));
    }

    @Override
    public Optional<PreviewImage> image(String key) {
        return KEY.matcher(key).matches() ? store.previewImage(key) : Optional.empty();
    }
}
