package org.chorusfeed.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.Moderation;
import org.chorusfeed.moderation.NoSuchReportException;
import org.chorusfeed.moderation.Reasons;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.moderation.ReportDecidedException;
import org.chorusfeed.moderation.ReportStatus;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.store.Store;
import org.jspecify.annotations.Nullable;

/** {@link Moderation} over a store: checks who may act and the reasons, then writes the act with its audit entry. */
public final class StoreModeration implements Moderation {
    private final Store store;
    private final Clock clock;
    private final StoreAuditLog audit;

    /** Moderation kept in this store, timed by this clock, recording acts in this audit log. */
    public StoreModeration(Store store, Clock clock, StoreAuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Report report(PostId post, MemberId reporterId, String reason) {
        Member reporter = StorePosts.requireActive(store, reporterId, "report posts");
        String checked = Reasons.required("report reason", reason);
        Post reported = store.findPost(post).orElseThrow(() -> new NoSuchPostException(post));
        if (!reported.isPublic() && !reporter.isAdmin()) {
            throw new NoSuchPostException(post);
        }
        return store.insertReport(post, reporter.id(), checked, clock.instant());
    }

    @Override
    public Post hide(PostId post, MemberId adminId, String reason) {
        Member admin = Admins.require(store, adminId, "hide posts");
        String checked = Reasons.required("hiding reason", reason);
        Hiding hiding = new Hiding(checked, clock.instant(), admin.id());
        return store.hidePost(post, hiding, audit.draft(admin.id(), "post.hidden", "post:" + post, checked))
                .orElseThrow(() -> new NoSuchPostException(post));
    }

    @Override
    public Post unhide(PostId post, MemberId adminId) {
        Member admin = Admins.require(store, adminId, "show hidden posts again");
        return store.unhidePost(post, audit.draft(admin.id(), "post.unhidden", "post:" + post, null))
                .orElseThrow(() -> new NoSuchPostException(post));
    }

    @Override
    public Report dismiss(long report, MemberId adminId, @Nullable String reason) {
        Member admin = Admins.require(store, adminId, "dismiss reports");
        Optional<String> checked = Reasons.optional("dismissal reason", reason);
        Report found = store.findReport(report).orElseThrow(() -> new NoSuchReportException(report));
        if (!found.isOpen()) {
            throw new ReportDecidedException(found);
        }
        Report dismissed = store.dismissReport(report, admin.id(), checked,
                audit.draft(admin.id(), "report.dismissed", "report:" + report, checked.orElse(null)))
                .orElseThrow(() -> new NoSuchReportException(report));
        if (dismissed.status() != ReportStatus.DISMISSED
                || !dismissed.decidedBy().equals(Optional.of(admin.id()))) {
            // decided by someone else between our read and our write
            throw new ReportDecidedException(dismissed);
        }
        return dismissed;
    }

    @Override
    public Optional<Report> findReport(long id) {
        return store.findReport(id);
    }

    @Override
    public List<Report> reports(boolean openOnly) {
        return store.reports(openOnly);
    }

    @Override
    public List<Report> reportsBy(MemberId reporter) {
        return store.reportsBy(reporter);
    }

    @Override
    public List<Post> hidden(Optional<PostId> before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is " + limit + "; allowed 1 to " + MAX_LIMIT);
        }
        return store.hiddenPosts(before, limit);
    }

}
