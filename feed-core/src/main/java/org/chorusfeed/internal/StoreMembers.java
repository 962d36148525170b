package org.chorusfeed.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.export.MemberExport;
import org.chorusfeed.member.Erasure;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.Members;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.Post;
import org.chorusfeed.store.Store;

/** {@link Members} over a store. */
public final class StoreMembers implements Members {
    private final Store store;
    private final Clock clock;
    private final UnaryOperator<URI> blogUrlCheck;
    private final StoreDataRights dataRights;
    private final Consumer<MemberId> blogChanged;

    /** Members kept in this store, timed by this clock. */
    public StoreMembers(Store store, Clock clock) {
        this(store, clock, UnaryOperator.identity(), id -> { },
                new StoreDataRights(store, clock, member -> Optional.empty()));
    }

    /**
     * Members kept in this store, timed by this clock, whose blog feed URLs are checked (and normalised) by
     * {@code blogUrlCheck} before they are stored, so every way of setting one refuses a bad URL the same way;
     * {@code blogChanged} hears of each member whose blog URL was stored, so the new blog is read at once; their
     * exports and erasures go through {@code dataRights}.
     */
    public StoreMembers(Store store, Clock clock, UnaryOperator<URI> blogUrlCheck, Consumer<MemberId> blogChanged,
            StoreDataRights dataRights) {
        this.store = store;
        this.clock = clock;
        this.blogUrlCheck = blogUrlCheck;
        this.dataRights = dataRights;
        this.blogChanged = blogChanged;
    }

    @Override
    public Member admit(NewMember member) {
        return blogSet(store.insertMember(checkedBlog(member), MemberStatus.ACTIVE, clock.instant()));
    }

    @Override
    public Member invite(NewMember member) {
        return blogSet(store.insertMember(checkedBlog(member), MemberStatus.INVITED, clock.instant()));
    }

    @Override
    public Member accept(MemberId id) {
        Member member = get(id);
        if (member.status() != MemberStatus.INVITED) {
            throw new IllegalStateException("member @" + member.handle() + " is " + member.status().name().toLowerCase()
                    + ", not invited; only an invitation can be accepted");
        }
        return store.updateMember(member.withStatus(MemberStatus.ACTIVE), clock.instant());
    }

    @Override
    public Member suspend(MemberId id) {
        Member member = get(id);
        if (member.status() == MemberStatus.SUSPENDED) {
            return member;
        }
        return store.updateMember(member.withStatus(MemberStatus.SUSPENDED), clock.instant());
    }

    @Override
    public Member reinstate(MemberId id) {
        Member member = get(id);
        if (member.status() != MemberStatus.SUSPENDED) {
            return member;
        }
        return store.updateMember(member.withStatus(MemberStatus.ACTIVE), clock.instant());
    }

    @Override
    public Member changeRole(MemberId id, Role role) {
        Member member = get(id);
        return member.role() == role ? member : store.updateMember(member.withRole(role), clock.instant());
    }

    @Override
    public Member updateProfile(MemberId id, ProfileUpdate update) {
        Member member = get(id);
        Member updated = checkedBlog(update).applyTo(member);
        if (updated.equals(member)) {
            return member;
        }
        Member stored = store.updateMember(updated, clock.instant());
        return stored.blogFeedUrl().equals(member.blogFeedUrl()) ? stored : blogSet(stored);
    }

    // members' blogs: a URL set is checked before anything is stored
    private NewMember checkedBlog(NewMember member) {
        return member.blogFeedUrl().isPresent() ? member.blogFeedUrl(blogUrlCheck.apply(member.blogFeedUrl().get()))
                : member;
    }

    private Member blogSet(Member member) {
        if (member.blogFeedUrl().isPresent()) {
            blogChanged.accept(member.id());
        }
        return member;
    }

    private ProfileUpdate checkedBlog(ProfileUpdate update) {
        Optional<URI> url = update.blogFeedUrl().flatMap(inner -> inner);
        return url.isPresent() ? update.blogFeedUrl(blogUrlCheck.apply(url.get())) : update;
    }

    @Override
    public Member get(MemberId id) {
        return store.findMember(id).orElseThrow(() -> new NoSuchMemberException(id.toString()));
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return store.findMember(id);
    }

    @Override
    public Optional<Member> findByHandle(String handle) {
        return store.findMemberByHandle(handle);
    }

    @Override
    public List<Member> list() {
        return store.members();
    }

    // data rights

    @Override
    public MemberExport export(MemberId id) {
        return dataRights.export(id);
    }

    @Override
    public Erasure erase(MemberId id, String confirmHandle) {
        return dataRights.erase(id, confirmHandle);
    }

    // joining and the directory (members helper)

    @Override
    public Optional<Member> findByAccount(String account) {
        return store.findMemberByAccount(account);
    }

    @Override
    public Map<MemberId, Post> latestPosts() {
        return store.latestPublicPosts();
    }
}
