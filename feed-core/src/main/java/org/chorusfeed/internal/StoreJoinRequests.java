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
import org.chorusfeed.moderation.AuditLog;
import org.chorusfeed.moderation.Reasons;
import org.chorusfeed.store.Store;

/** {@link JoinRequests} over a store. */
public final class StoreJoinRequests implements JoinRequests {
    private final Store store;
    private final Clock clock;
    private final AuditLog audit;

    /** Join requests kept in this store, timed by this clock, each decision recorded in the audit log. */
    public StoreJoinRequests(Store store, Clock clock, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
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
        Admins.require(store, by, "approve join requests");
        Approval approval = store.approveJoinRequest(id, by, clock.instant());
        audit.record(by, "join-request.approved", "join-request:" + id, null);
        return approval;
    }

    @Override
    public JoinRequest decline(MemberId by, long id, Optional<String> reason) {
        Admins.require(store, by, "decline join requests");
        Optional<String> why = Reasons.optional("reason", reason.orElse(null));
        JoinRequest declined = store.declineJoinRequest(id, by, why, clock.instant());
        audit.record(by, "join-request.declined", "join-request:" + id, why.orElse(null));
        return declined;
    }
}
