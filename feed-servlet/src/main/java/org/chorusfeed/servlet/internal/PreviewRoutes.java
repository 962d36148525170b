package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PreviewImage;

/**
 * Link previews: {@code GET /previews/{key}} serves the hub's copy of a preview image from the hub's own origin;
 * {@code DELETE /api/posts/{id}/preview} removes a post's preview (its author or an admin).
 */
final class PreviewRoutes {
    /** Images never change under their key (the hash of their bytes). */
    private static final String IMMUTABLE = "max-age=31536000, immutable";

    private final Chorus chorus;
    private final PostRoutes posts;
    private final boolean publicReads;

    PreviewRoutes(Chorus chorus, PostRoutes posts, boolean publicReads) {
        this.chorus = chorus;
        this.posts = posts;
        this.publicReads = publicReads;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", PreviewLinks.PATH + "{key}", Access.READ, this::image)
                .add("DELETE", "/api/posts/{id}/preview", Access.MEMBER, this::remove);
    }

    private void image(Exchange x) throws IOException {
        String key = x.parameter("key");
        PreviewImage image = chorus.previews().image(key).orElseThrow(() -> new ProblemException(
                ProblemType.PREVIEW_IMAGE_NOT_FOUND, "there is no preview image '" + JsonBody.printable(key) + "'"));
        HttpServletResponse response = x.response();
        // An image, shown by <img> on member sites, and nothing that could run: no sniffing (set for every answer),
        // no scripts or styles even when opened directly.
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        x.sendTagged(image.contentType(), image.bytes(), "\"" + image.key() + "\"",
                (publicReads ? "public, " : "private, ") + IMMUTABLE);
    }

    private void remove(Exchange x) throws IOException {
        Member member = x.member();
        Post post = chorus.previews().remove(PostRoutes.id(x), member.id());
        x.json(HttpServletResponse.SC_OK, posts.render(post, Optional.of(member)));
    }
}
