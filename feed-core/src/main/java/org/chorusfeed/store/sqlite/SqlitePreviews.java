package org.chorusfeed.store.sqlite;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.internal.PreviewLinks;
import org.chorusfeed.post.LinkPreview;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PreviewImage;
import org.chorusfeed.store.PreviewMark;

/** The SQL of {@link org.chorusfeed.store.PreviewStore}: tables {@code post_previews} and {@code preview_images}. */
final class SqlitePreviews {
    private static final String MARK = "SELECT link, url FROM post_previews WHERE post_id = ?";
    private static final String DELETE_UNUSED_IMAGES = "DELETE FROM preview_images WHERE NOT EXISTS "
            + "(SELECT 1 FROM post_previews pv WHERE pv.image_key = preview_images.image_key)";

    private SqlitePreviews() {
    }

    static Optional<PreviewMark> mark(SqlConnection c, PostId post) throws SQLException {
        return readMark(c.prepare(MARK), post);
    }

    static Optional<Post> attach(Transaction tx, PostId id, URI link, LinkPreview preview, Optional<PreviewImage> image,
            Instant at) throws SQLException {
        if (!preview.image().equals(image.map(PreviewImage::key))) {
            throw new IllegalArgumentException("the preview names image " + preview.image().orElse("none")
                    + " but the image given is " + image.map(PreviewImage::key).orElse("none"));
        }
        Optional<Post> found = post(tx, id);
        if (found.isEmpty() || !PreviewLinks.firstLink(found.get()).equals(Optional.of(link))) {
            return found;
        }
        Optional<PreviewMark> mark = readMark(tx.prepare(MARK), id);
        if (mark.isPresent() && mark.get().removed() && mark.get().link().equals(link)) {
            return found;
        }
        if (image.isPresent()) {
            PreparedStatement insert = tx.prepare("INSERT INTO preview_images (image_key, content_type, bytes, "
                    + "stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (image_key) DO NOTHING");
            insert.setString(1, image.get().key());
            insert.setString(2, image.get().contentType());
            insert.setBytes(3, image.get().bytes());
            insert.setLong(4, Rows.nanos(at));
            insert.executeUpdate();
        }
        PreparedStatement upsert = tx.prepare("INSERT INTO post_previews (post_id, link, url, title, description, "
                + "site_name, image_key, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO UPDATE "
                + "SET link = excluded.link, url = excluded.url, title = excluded.title, "
                + "description = excluded.description, site_name = excluded.site_name, "
                + "image_key = excluded.image_key, changed_at = excluded.changed_at");
        upsert.setLong(1, id.value());
        upsert.setString(2, link.toString());
        upsert.setString(3, preview.url().toString());
        upsert.setString(4, preview.title());
        upsert.setString(5, preview.description());
        upsert.setString(6, preview.siteName());
        Rows.setNullableString(upsert, 7, preview.image());
        upsert.setLong(8, Rows.nanos(at));
        upsert.executeUpdate();
        return changed(tx, found.get(), at);
    }

    static Optional<Post> remove(Transaction tx, PostId id, URI link, Instant at) throws SQLException {
        Optional<Post> found = post(tx, id);
        if (found.isEmpty()) {
            return found;
        }
        PreparedStatement upsert = tx.prepare("INSERT INTO post_previews (post_id, link, changed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (post_id) DO UPDATE SET link = excluded.link, url = NULL, title = NULL, "
                + "description = NULL, site_name = NULL, image_key = NULL, changed_at = excluded.changed_at");
        upsert.setLong(1, id.value());
        upsert.setString(2, link.toString());
        upsert.setLong(3, Rows.nanos(at));
        upsert.executeUpdate();
        return found.get().preview().isPresent() ? changed(tx, found.get(), at) : found;
    }

    static Optional<Post> forget(Transaction tx, PostId id, Instant at) throws SQLException {
        Optional<Post> found = post(tx, id);
        if (found.isEmpty()) {
            return found;
        }
        PreparedStatement delete = tx.prepare("DELETE FROM post_previews WHERE post_id = ?");
        delete.setLong(1, id.value());
        delete.executeUpdate();
        return found.get().preview().isPresent() ? changed(tx, found.get(), at) : found;
    }

    static Optional<PreviewImage> image(SqlConnection c, String key) throws SQLException {
        PreparedStatement query = c.prepare("SELECT content_type, bytes FROM preview_images WHERE image_key = ?");
        query.setString(1, key);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new PreviewImage(key, row.getString(1), row.getBytes(2))) : Optional.empty();
        }
    }

    static int prune(Transaction tx) throws SQLException {
        return tx.prepare(DELETE_UNUSED_IMAGES).executeUpdate();
    }

    /** After a post's preview changed: drops images nobody uses, announces the change, reads the post again. */
    private static Optional<Post> changed(Transaction tx, Post before, Instant at) throws SQLException {
        tx.prepare(DELETE_UNUSED_IMAGES).executeUpdate();
        tx.appendChange(at, ChangeKind.POST_PREVIEWED, Optional.of(before.id()), Optional.of(before.author()),
                Optional.empty());
        return post(tx, before.id());
    }

    private static Optional<PreviewMark> readMark(PreparedStatement query, PostId id) throws SQLException {
        query.setLong(1, id.value());
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(new PreviewMark(URI.create(row.getString(1)), row.getString(2) == null))
                    : Optional.empty();
        }
    }

    private static Optional<Post> post(Transaction tx, PostId id) throws SQLException {
        return SqliteStore.findPost(tx, id);
    }
}
