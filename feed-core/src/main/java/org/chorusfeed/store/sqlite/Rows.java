package org.chorusfeed.store.sqlite;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.internal.SegmentSpans;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.Role;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.post.PostVersion;
import org.chorusfeed.post.SourceKind;
import org.jspecify.annotations.Nullable;

/** How values map to rows and back: the column lists and the readers of each kind of row. */
final class Rows {
    static final String ORGANISATION_COLUMNS = "slug, name, website, description";
    static final String MEMBER_COLUMNS =
            "id, handle, name, organisation, bio, links, blog_feed_url, role, status, joined_at, account, language";
    /** The columns of posts as {@link #post} reads them, for a table aliased {@code p}. */
    static final String POST_COLUMNS = "p.id, p.author_id, p.text, p.spans, p.in_reply_to, p.source_kind, "
            + "p.source_url, p.source_title, p.edited_at, p.appreciations, "
            // link previews: columns 11 to 15, from PREVIEW_JOIN
            + "pv.url, pv.title, pv.description, pv.site_name, pv.image_key";
    /** Joins each post ({@code p}) to its preview ({@code pv}): every query reading {@link #POST_COLUMNS} adds it. */
    static final String PREVIEW_JOIN = " LEFT JOIN post_previews pv ON pv.post_id = p.id";
    /** How many columns {@link #POST_COLUMNS} has. */
    static final int POST_COLUMN_COUNT = POST_COLUMNS.split(",").length;
    static final String CHANGE_COLUMNS = "seq, changed_at, kind, post_id, member_id, organisation";
    static final String TOKEN_COLUMNS = "id, member_id, label, created_at, revoked_at";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Rows() {
    }

    /** An instant as stored: nanoseconds since the epoch, exact from 1677 to 2262. */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time " + instant + " is outside the years 1677 to 2262 the store can hold",
                    e);
        }
    }

    /** The instant of a stored time. */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    static Organisation organisation(ResultSet row) throws SQLException {
        return new Organisation(row.getString(1), row.getString(2), Optional.ofNullable(row.getString(3)).map(URI::create),
                row.getString(4));
    }

    static Member member(ResultSet row) throws SQLException {
        return new Member(new MemberId(row.getLong(1)), row.getString(2), row.getString(3),
                Optional.ofNullable(row.getString(4)), row.getString(5), links(row.getString(6)),
                Optional.ofNullable(row.getString(7)).map(URI::create), Role.valueOf(row.getString(8)),
                MemberStatus.valueOf(row.getString(9)), instant(row.getLong(10)), Optional.ofNullable(row.getString(11)),
                Optional.ofNullable(row.getString(12)));
    }

    /** A post from {@link #POST_COLUMNS}, starting at the first column. */
    static Post post(ResultSet row) throws SQLException {
        String text = row.getString(3);
        long inReplyTo = row.getLong(5);
        Optional<PostId> parent = row.wasNull() ? Optional.empty() : Optional.of(new PostId(inReplyTo));
        long editedAt = row.getLong(9);
        Optional<Instant> edited = row.wasNull() ? Optional.empty() : Optional.of(instant(editedAt));
        return new Post(new PostId(row.getLong(1)), new MemberId(row.getLong(2)), text,
                SegmentSpans.decode(text, row.getString(4)), parent, source(row.getString(6), row.getString(7),
                row.getString(8)), edited, row.getInt(10)).withPreview(preview(row));
    }

    /** The preview of a post row, from columns 11 to 15; empty when there is none or it was removed. */
    private static Optional<LinkPreview> preview(ResultSet row) throws SQLException {
        String url = row.getString(11);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new LinkPreview(URI.create(url), row.getString(12), row.getString(13), row.getString(14),
                Optional.ofNullable(row.getString(15))));
    }

    /** A version from columns text, spans, since. */
    static PostVersion version(ResultSet row) throws SQLException {
        String text = row.getString(1);
        return new PostVersion(text, SegmentSpans.decode(text, row.getString(2)), instant(row.getLong(3)));
    }

    static Change change(ResultSet row) throws SQLException {
        long post = row.getLong(4);
        Optional<PostId> postId = row.wasNull() ? Optional.empty() : Optional.of(new PostId(post));
        long member = row.getLong(5);
        Optional<MemberId> memberId = row.wasNull() ? Optional.empty() : Optional.of(new MemberId(member));
        return new Change(row.getLong(1), instant(row.getLong(2)), ChangeKind.valueOf(row.getString(3)), postId,
                memberId, Optional.ofNullable(row.getString(6)));
    }

    static AccessToken token(ResultSet row) throws SQLException {
        long revokedAt = row.getLong(5);
        Optional<Instant> revoked = row.wasNull() ? Optional.empty() : Optional.of(instant(revokedAt));
        return new AccessToken(row.getLong(1), new MemberId(row.getLong(2)), row.getString(3),
                instant(row.getLong(4)), revoked);
    }

    private static PostSource source(String kind, @Nullable String url, @Nullable String title) {
        if (SourceKind.valueOf(kind) == SourceKind.NATIVE) {
            return PostSource.nativePost();
        }
        return new PostSource.Blog(URI.create(url), title == null ? "" : title);
    }

    /** Profile links as stored: one per line. */
    static String links(List<URI> links) {
        StringBuilder joined = new StringBuilder();
        for (URI link : links) {
            if (joined.length() > 0) {
                joined.append('\n');
            }
            joined.append(link);
        }
        return joined.toString();
    }

    private static List<URI> links(String stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        List<URI> links = new ArrayList<>();
        for (String line : stored.split("\n")) {
            links.add(URI.create(line));
        }
        return links;
    }

    static void setNullableLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    static void setNullableString(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
