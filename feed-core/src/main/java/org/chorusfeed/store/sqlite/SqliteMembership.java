package org.chorusfeed.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.joining.AlreadyMemberException;
import org.chorusfeed.joining.Approval;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.joining.JoinRequestPendingException;
import org.chorusfeed.joining.JoinRequestStatus;
import org.chorusfeed.joining.NewJoinRequest;
import org.chorusfeed.joining.NoSuchInvitationException;
import org.chorusfeed.joining.NoSuchJoinRequestException;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;
import org.chorusfeed.store.MembershipStore;

/**
 * {@link MembershipStore} for {@link SqliteStore}: invitations and join requests in their tables, each admission
 * in the one write transaction that also uses the invitation or decides the request.
 */
final class SqliteMembership {
    private static final String INVITATION_COLUMNS =
            "id, code, organisation, uses, used, expires_at, created_at, created_by, note, revoked_at";
    private static final String REQUEST_COLUMNS = "id, account, handle, name, organisation, message, status, "
            + "created_at, decided_at, decided_by, reason";
    private static final String LATEST_OF_ACCOUNT = "SELECT " + REQUEST_COLUMNS
            + " FROM join_requests WHERE account = ? ORDER BY id DESC LIMIT 1";
    /**
     * The newest post of each member among the posts readers may see. Which posts that are is this one condition
     * on {@code q}; a post is public unless hidden, so hiding adds its column here.
     */
    private static final String PUBLIC_POST = "NOT EXISTS (SELECT 1 FROM post_hidings h WHERE h.post_id = q.id)";
    private static final String LATEST_PUBLIC_POSTS = "SELECT " + Rows.POST_COLUMNS + " FROM posts p"
            + Rows.PREVIEW_JOIN + " WHERE p.id IN "
            + "(SELECT MAX(q.id) FROM posts q WHERE " + PUBLIC_POST + " GROUP BY q.author_id)";

    private final SqliteStore store;

    SqliteMembership(SqliteStore store) {
        this.store = store;
    }

    /** Refuses an account that is a member already. */
    static void requireNewAccount(Transaction tx, Optional<String> account) throws SQLException {
        if (account.isEmpty()) {
            return;
        }
        PreparedStatement query = tx.prepare("SELECT handle FROM members WHERE account = ?");
        query.setString(1, account.get());
        Optional<String> handle = SqliteStore.first(query, row -> row.getString(1));
        if (handle.isPresent()) {
            throw new AlreadyMemberException(handle.get());
        }
    }

    Optional<Member> findMemberByAccount(String account) {
        return store.readTask("read the member", c -> {
            PreparedStatement query = c.prepare("SELECT " + Rows.MEMBER_COLUMNS + " FROM members WHERE account = ?");
            query.setString(1, account);
            return SqliteStore.first(query, Rows::member);
        });
    }

    // invitations

    Invitation insertInvitation(Invitation invitation) {
        return store.writeTask("save the invitation", tx -> {
            SqliteStore.requireOrganisation(tx, invitation.organisation());
            Invitation stored = new Invitation(tx.nextId("invitations"), invitation.code(), invitation.organisation(),
                    invitation.uses(), 0, invitation.expiresAt(), invitation.createdAt(), invitation.createdBy(),
                    invitation.note(), invitation.revokedAt());
            PreparedStatement insert = tx.prepare("INSERT INTO invitations (" + INVITATION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setLong(1, stored.id());
            insert.setString(2, stored.code());
            Rows.setNullableString(insert, 3, stored.organisation());
            insert.setInt(4, stored.uses());
            insert.setInt(5, stored.used());
            insert.setLong(6, Rows.nanos(stored.expiresAt()));
            insert.setLong(7, Rows.nanos(stored.createdAt()));
            insert.setLong(8, stored.createdBy().value());
            insert.setString(9, stored.note());
            Rows.setNullableLong(insert, 10, stored.revokedAt().map(Rows::nanos));
            insert.executeUpdate();
            return stored;
        });
    }

    List<Invitation> invitations() {
        return store.readTask("read the invitations", c -> SqliteStore.all(
                c.prepare("SELECT " + INVITATION_COLUMNS + " FROM invitations ORDER BY id DESC"),
                SqliteMembership::invitation));
    }

    Optional<Invitation> findInvitation(long id) {
        return store.readTask("read the invitation", c -> invitationWhere(c.prepare(
                "SELECT " + INVITATION_COLUMNS + " FROM invitations WHERE id = ?"), id));
    }

    Optional<Invitation> findInvitationByCode(String code) {
        return store.readTask("read the invitation", c -> byCode(c.prepare(
                "SELECT " + INVITATION_COLUMNS + " FROM invitations WHERE code = ?"), code));
    }

    Optional<Invitation> revokeInvitation(long id, Instant at) {
        return store.writeTask("revoke the invitation", tx -> {
            PreparedStatement update = tx.prepare("UPDATE invitations SET revoked_at = ? WHERE id = ? "
                    + "AND revoked_at IS NULL");
            update.setLong(1, Rows.nanos(at));
            update.setLong(2, id);
            update.executeUpdate();
            return invitationWhere(tx.prepare("SELECT " + INVITATION_COLUMNS + " FROM invitations WHERE id = ?"), id);
        });
    }

    Member acceptInvitation(String code, NewMember member, Instant at) {
        return store.writeTask("accept the invitation", tx -> {
            Invitation invitation = byCode(tx.prepare("SELECT " + INVITATION_COLUMNS
                    + " FROM invitations WHERE code = ?"), code)
                    .orElseThrow(() -> new NoSuchInvitationException("with this code"));
            Member admitted = SqliteStore.insertMember(tx, invitation.admitting(member, at), MemberStatus.ACTIVE, at);
            PreparedStatement use = tx.prepare("UPDATE invitations SET used = used + 1 WHERE id = ?");
            use.setLong(1, invitation.id());
            use.executeUpdate();
            return admitted;
        });
    }

    private static Optional<Invitation> invitationWhere(PreparedStatement query, long id) throws SQLException {
        query.setLong(1, id);
        return SqliteStore.first(query, SqliteMembership::invitation);
    }

    private static Optional<Invitation> byCode(PreparedStatement query, String code) throws SQLException {
        query.setString(1, code);
        return SqliteStore.first(query, SqliteMembership::invitation);
    }

    private static Invitation invitation(ResultSet row) throws SQLException {
        long revokedAt = row.getLong(10);
        Optional<Instant> revoked = row.wasNull() ? Optional.empty() : Optional.of(Rows.instant(revokedAt));
        return new Invitation(row.getLong(1), row.getString(2), Optional.ofNullable(row.getString(3)), row.getInt(4),
                row.getInt(5), Rows.instant(row.getLong(6)), Rows.instant(row.getLong(7)), new MemberId(row.getLong(8)),
                row.getString(9), revoked);
    }

    // join requests

    JoinRequest insertJoinRequest(NewJoinRequest request, Instant at) {
        return store.writeTask("save the join request", tx -> {
            requireNewAccount(tx, Optional.of(request.account()));
            Optional<JoinRequest> latest = latest(tx, request.account());
            if (latest.isPresent() && latest.get().status() == JoinRequestStatus.PENDING) {
                throw new JoinRequestPendingException(latest.get().id());
            }
            SqliteStore.requireFreeHandle(tx, request.handle());
            SqliteStore.requireOrganisation(tx, request.organisation());
            JoinRequest stored = new JoinRequest(tx.nextId("join_requests"), request,
                    JoinRequestStatus.PENDING, at, Optional.empty(), Optional.empty(), Optional.empty());
            PreparedStatement insert = tx.prepare("INSERT INTO join_requests (" + REQUEST_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)");
            insert.setLong(1, stored.id());
            insert.setString(2, request.account());
            insert.setString(3, request.handle());
            insert.setString(4, request.name());
            Rows.setNullableString(insert, 5, request.organisation());
            insert.setString(6, stored.message());
            insert.setString(7, stored.status().name());
            insert.setLong(8, Rows.nanos(at));
            insert.executeUpdate();
            return stored;
        });
    }

    List<JoinRequest> joinRequests(Optional<JoinRequestStatus> status) {
        return store.readTask("read the join requests", c -> {
            if (status.isEmpty()) {
                return SqliteStore.all(c.prepare("SELECT " + REQUEST_COLUMNS + " FROM join_requests ORDER BY id DESC"),
                        SqliteMembership::request);
            }
            PreparedStatement query = c.prepare("SELECT " + REQUEST_COLUMNS
                    + " FROM join_requests WHERE status = ? ORDER BY id DESC");
            query.setString(1, status.get().name());
            return SqliteStore.all(query, SqliteMembership::request);
        });
    }

    Optional<JoinRequest> findJoinRequest(long id) {
        return store.readTask("read the join request", c -> {
            PreparedStatement query = c.prepare("SELECT " + REQUEST_COLUMNS + " FROM join_requests WHERE id = ?");
            query.setLong(1, id);
            return SqliteStore.first(query, SqliteMembership::request);
        });
    }

    Optional<JoinRequest> latestJoinRequest(String account) {
        return store.readTask("read the join request", c -> latest(c.prepare(LATEST_OF_ACCOUNT), account));
    }

    private static Optional<JoinRequest> latest(Transaction tx, String account) throws SQLException {
        return latest(tx.prepare(LATEST_OF_ACCOUNT), account);
    }

    private static Optional<JoinRequest> latest(PreparedStatement query, String account) throws SQLException {
        query.setString(1, account);
        return SqliteStore.first(query, SqliteMembership::request);
    }

    Approval approveJoinRequest(long id, MemberId by, Instant at) {
        return store.writeTask("approve the join request", tx -> {
            JoinRequest request = pending(tx, id);
            Member admitted = SqliteStore.insertMember(tx, request.admitting(), MemberStatus.ACTIVE, at);
            JoinRequest approved = request.decided(JoinRequestStatus.APPROVED, by, Optional.empty(), at);
            decide(tx, approved);
            return new Approval(approved, admitted);
        });
    }

    JoinRequest declineJoinRequest(long id, MemberId by, Optional<String> reason, Instant at) {
        return store.writeTask("decline the join request", tx -> {
            JoinRequest declined = pending(tx, id).decided(JoinRequestStatus.DECLINED, by, reason, at);
            decide(tx, declined);
            return declined;
        });
    }

    private static JoinRequest pending(Transaction tx, long id) throws SQLException {
        PreparedStatement query = tx.prepare("SELECT " + REQUEST_COLUMNS + " FROM join_requests WHERE id = ?");
        query.setLong(1, id);
        return SqliteStore.first(query, SqliteMembership::request)
                .orElseThrow(() -> new NoSuchJoinRequestException(Long.toString(id)));
    }

    private static void decide(Transaction tx, JoinRequest decided) throws SQLException {
        PreparedStatement update = tx.prepare("UPDATE join_requests SET status = ?, decided_at = ?, decided_by = ?, "
                + "reason = ? WHERE id = ?");
        update.setString(1, decided.status().name());
        Rows.setNullableLong(update, 2, decided.decidedAt().map(Rows::nanos));
        Rows.setNullableLong(update, 3, decided.decidedBy().map(MemberId::value));
        Rows.setNullableString(update, 4, decided.reason());
        update.setLong(5, decided.id());
        update.executeUpdate();
    }

    private static JoinRequest request(ResultSet row) throws SQLException {
        NewJoinRequest applicant = new NewJoinRequest(row.getString(2), row.getString(3), row.getString(4),
                Optional.ofNullable(row.getString(5)), row.getString(6));
        long decidedAt = row.getLong(9);
        Optional<Instant> decided = row.wasNull() ? Optional.empty() : Optional.of(Rows.instant(decidedAt));
        long decidedBy = row.getLong(10);
        Optional<MemberId> by = row.wasNull() ? Optional.empty() : Optional.of(new MemberId(decidedBy));
        return new JoinRequest(row.getLong(1), applicant,
                JoinRequestStatus.valueOf(row.getString(7)), Rows.instant(row.getLong(8)), decided, by,
                Optional.ofNullable(row.getString(11)));
    }

    // the directory

    Map<MemberId, Post> latestPublicPosts() {
        return store.readTask("read the newest posts", c -> {
            Map<MemberId, Post> latest = new HashMap<>();
            try (ResultSet rows = c.prepare(LATEST_PUBLIC_POSTS).executeQuery()) {
                while (rows.next()) {
                    Post post = Rows.post(rows);
                    latest.put(post.author(), post);
                }
            }
            return Map.copyOf(latest);
        });
    }
}
