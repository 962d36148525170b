package org.chorusfeed.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.chorusfeed.blogs.BlogStatus;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.NotPermittedException;
import org.chorusfeed.export.ExportedPost;
import org.chorusfeed.export.MemberExport;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.PostSelection;
import org.chorusfeed.store.Store;

/** A member's export and erasure over a store: the data rights behind {@code chorus.members()}. */
public final class StoreDataRights {
    private static final int PAGE = 200;

    private final Store store;
    private final Clock clock;
    private final Function<MemberId, Optional<BlogStatus>> blogStatus;

    /** Data rights over this store, timed by this clock, with members' blog status from {@code blogStatus}. */
    public StoreDataRights(Store store, Clock clock, Function<MemberId, Optional<BlogStatus>> blogStatus) {
        this.store = store;
        this.clock = clock;
        this.blogStatus = blogStatus;
    }

    /** Everything the store holds about the member. */
    public MemberExport export(MemberId id) {
        Member member = store.findMember(id).orElseThrow(() -> new NoSuchMemberException(id.toString()));
        List<ExportedPost> posts = new ArrayList<>();
        for (Post post : postsOf(id)) {
            posts.add(new ExportedPost(post, store.history(post.id())));
        }
        return new MemberExport(clock.instant(), member, member.organisation().flatMap(store::findOrganisation), posts,
                store.appreciationsGiven(id), store.tokens(id), store.reportsBy(id), blogStatus.apply(id));
    }

    /** Every post of the member, newest first, read in keyset pages. */
    private List<Post> postsOf(MemberId author) {
        List<Post> posts = new ArrayList<>();
        PostSelection selection = new PostSelection(Optional.empty(), Optional.empty(), PAGE, Optional.of(author),
                Optional.empty(), Optional.empty(), true, Optional.empty());
        while (true) {
            List<Post> page = store.posts(selection);
            posts.addAll(page);
            if (page.size() < PAGE) {
                return posts;
            }
            Optional<PostId> last = Optional.of(page.get(page.size() - 1).id());
            selection = selection.range(last, Optional.empty(), PAGE);
        }
    }

    /**
     * Erases the member once {@code confirmHandle} is their own handle.
     *
     * @throws IllegalArgumentException if {@code confirmHandle} is not the member's handle
     */
    public Erasure erase(MemberId id, String confirmHandle) {
        Member member = store.findMember(id).orElseThrow(() -> new NoSuchMemberException(id.toString()));
        if (!member.handle().equals(confirmHandle)) {
            throw new IllegalArgumentException("confirm is '" + confirmHandle + "'; to erase @" + member.handle()
                    + " and everything of theirs, confirm with their handle '" + member.handle() + "'");
        }
        if (member.isActiveAdmin() && store.members().stream()
                .noneMatch(other -> !other.id().equals(id) && other.isActiveAdmin())) {
            throw new NotPermittedException(NotPermittedException.Reason.LAST_ADMIN, "@" + member.handle()
                    + " is the hub's last active admin and cannot be erased; make another member an admin first");
        }
        return store.eraseMember(id, clock.instant());
    }
}
