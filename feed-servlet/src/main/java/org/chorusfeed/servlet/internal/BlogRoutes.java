package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.blogs.BlogStatus;
import org.chorusfeed.member.Member;
import tools.jackson.databind.node.ObjectNode;

/** Members' blogs: how importing one's own blog goes, and the same for admins about any member. */
final class BlogRoutes {
    private final Chorus chorus;

    BlogRoutes(Chorus chorus) {
        this.chorus = chorus;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/me/blog", Access.MEMBER, this::mine)
                .add("GET", "/api/admin/members/{handle}/blog", Access.ADMIN, this::members);
    }

    private void mine(Exchange x) throws IOException {
        answer(x, x.member());
    }

    private void members(Exchange x) throws IOException {
        answer(x, MemberRoutes.byHandle(chorus, x.parameter("handle")));
    }

    private void answer(Exchange x, Member member) throws IOException {
        BlogStatus status = chorus.blogs().status(member.id()).orElseThrow(() -> new ProblemException(
                ProblemType.BLOG_NOT_SET, "@" + member.handle() + " has set no blog feed URL; set one with "
                        + "PATCH /api/me {\"blogFeedUrl\": \"https://...\"}").with("handle", member.handle()));
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, status(status));
    }

    /** {@code {url, feedUrl, lastSuccessAt, lastError, lastErrorAt, nextPollAt, imported}}; null where unknown. */
    static ObjectNode status(BlogStatus status) {
        ObjectNode node = Representations.object();
        node.put("url", status.url().toString());
        node.put("feedUrl", status.feedUrl().map(URI::toString).orElse(null));
        node.put("lastSuccessAt", time(status.lastSuccessAt()));
        node.put("lastError", status.lastError().orElse(null));
        node.put("lastErrorAt", time(status.lastErrorAt()));
        node.put("nextPollAt", Representations.time(status.nextPollAt()));
        node.put("imported", status.imported());
        return node;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Representations::time).orElse(null);
    }

    /**
     * A blog feed URL from a request: one that is not even a URL is refused as the core refuses one it will never
     * fetch, with the same problem type.
     */
    static URI url(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new ProblemException(ProblemType.BLOG_FEED_URL_REFUSED, "the blog feed URL is refused: '"
                    + JsonBody.printable(value) + "' is not a URL; give an absolute http or https URL")
                    .with("field", "blogFeedUrl").with("reason", "malformed-url");
        }
    }
}
