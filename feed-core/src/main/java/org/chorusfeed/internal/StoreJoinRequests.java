package org.chorusfeed.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.JoinRequests;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.store.Store;

/** {@link JoinRequests} over a store. */
public final class StoreJoinRequests implements JoinRequests {
    private final Store store;
    private final Clock clock;

    /** Join requests kept in this store, timed by this clock. */
    public StoreJoinRequests(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public JoinRequest submit(NewJoinRequest request) {
        return store.insertJoinRequest(request, clock.instant());
    }

    @Override
    public List<JoinRequest> list(Optional<JoinRequestStatus> status) {
        return store.joinRequests(status);
    }

    @Override
    public Optional<JoinRequest> find(long id) {
        return store.findJoinRequest(id);
    }

    @Override
    public Optional<JoinRequest> latest(String account) {
        return store.latestJoinRequest(account);
    }

    @Override
    public Approval approve(MemberId by, long id) {
        Admins.require(store, by);
        return store.approveJoinRequest(id, by, clock.instant());
    }

    @Override
    public JoinRequest decline(MemberId by, long id, Optional<String> reason) {
        Admins.require(store, by);
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        why.ifPresent(StoreJoinRequests::requireReason);
        return store.declineJoinRequest(id, by, why, clock.instant());
    }

    private static void requireReason(String reason) {
        if (reason.length() > NewJoinRequest.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("reason is " + reason.length() + " characters; the limit is "
                    + NewJoinRequest.MAX_MESSAGE_LENGTH);
        }
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("reason has a control character; only line breaks are allowed");
        }
    }
}
