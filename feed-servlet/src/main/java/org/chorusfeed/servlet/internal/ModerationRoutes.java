package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.member.Member;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.timeline.Page;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Civility: members report posts; admins list reports, dismiss them, hide and unhide posts, list hidden posts and
 * read the audit log. No route changes or deletes an audit entry.
 */
final class ModerationRoutes {
    private static final String PRIVATE = "private, no-store";

    private final Chorus chorus;
    private final People people;

    ModerationRoutes(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    void addTo(RouteTable.Builder table) {
        table.add("POST", "/api/posts/{id}/reports", Access.MEMBER, this::report)
                .add("GET", "/api/admin/reports", Access.ADMIN, this::reports)
                .add("POST", "/api/admin/reports/{id}/dismiss", Access.ADMIN, this::dismiss)
                .add("GET", "/api/admin/posts", Access.ADMIN, this::hiddenPosts)
                .add("POST", "/api/admin/posts/{id}/hide", Access.ADMIN, this::hide)
                .add("POST", "/api/admin/posts/{id}/unhide", Access.ADMIN, this::unhide)
                .add("GET", "/api/admin/audit", Access.ADMIN, this::audit);
    }

    /** Whether this reader may see the post: anyone a public one, its author and active admins a hidden one. */
    static boolean visibleTo(Post post, Optional<Member> reader) {
        return post.isPublic() || isAuthorOrAdmin(post, reader);
    }

    /** Whether the reader wrote the post or is an active hub admin: who sees its hiding and earlier versions. */
    static boolean isAuthorOrAdmin(Post post, Optional<Member> reader) {
        return reader.filter(m -> m.id().equals(post.author()) || m.isActiveAdmin()).isPresent();
    }

    private void report(Exchange x) throws IOException {
        Member reporter = x.member();
        PostId id = PostRoutes.id(x);
        String reason = x.body("reason").requiredString("reason");
        Report report = chorus.moderation().report(id, reporter.id(), reason);
        x.response().setHeader("Cache-Control", PRIVATE);
        x.json(HttpServletResponse.SC_CREATED, render(report));
    }

    private void reports(Exchange x) throws IOException {
        String status = x.queryString().get("status").orElse("open");
        if (!status.equals("open") && !status.equals("all")) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "status is '" + JsonBody.printable(status)
                    + "'; give open or all").with("parameter", "status");
        }
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        Directory directory = new Directory(chorus, people);
        for (Report report : chorus.moderation().reports(status.equals("open"))) {
            items.add(render(report, directory));
        }
        x.response().setHeader("Cache-Control", PRIVATE);
        x.json(HttpServletResponse.SC_OK, node);
    }

    private void dismiss(Exchange x) throws IOException {
        long id = reportId(x.parameter("id"));
        String reason = AdminRoutes.reason(x);
        Report report = chorus.moderation().dismiss(id, x.member().id(), reason);
        x.json(HttpServletResponse.SC_OK, render(report));
    }

    private void hide(Exchange x) throws IOException {
        PostId id = PostRoutes.id(x);
        String reason = x.body("reason").requiredString("reason");
        Post post = chorus.moderation().hide(id, x.member().id(), reason);
        x.json(HttpServletResponse.SC_OK, Representations.post(post, new Directory(chorus, people), null));
    }

    private void unhide(Exchange x) throws IOException {
        Post post = chorus.moderation().unhide(PostRoutes.id(x), x.member().id());
        x.json(HttpServletResponse.SC_OK, Representations.post(post, new Directory(chorus, people), null));
    }

    private void hiddenPosts(Exchange x) throws IOException {
        QueryString query = x.queryString();
        if (!query.get("hidden").equals(Optional.of("true"))) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER,
                    "this lists hidden posts only; give hidden=true (the timeline lists the others)")
                    .with("parameter", "hidden");
        }
        int limit = TimelineQueries.limit(query);
        Optional<PostId> before = query.get("before").map(ModerationRoutes::postCursor);
        List<Post> posts = chorus.moderation().hidden(before, limit + 1);
        boolean more = posts.size() > limit;
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        Directory directory = new Directory(chorus, people);
        for (Post post : more ? posts.subList(0, limit) : posts) {
            items.add(Representations.post(post, directory, null));
        }
        if (more) {
            node.put("next", posts.get(limit - 1).id().toString());
        } else {
            node.putNull("next");
        }
        x.response().setHeader("Cache-Control", PRIVATE);
        x.json(HttpServletResponse.SC_OK, node);
    }

    private void audit(Exchange x) throws IOException {
        QueryString query = x.queryString();
        int limit = TimelineQueries.limit(query);
        Page<AuditEntry> page;
        try {
            page = chorus.audit().read(query.get("before"), limit);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, e.getMessage()).with("parameter", "before");
        }
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        Directory directory = new Directory(chorus, people);
        for (AuditEntry entry : page.items()) {
            items.add(ModerationJson.auditEntry(entry, directory));
        }
        if (page.next().isPresent()) {
            node.put("next", page.next().get());
        } else {
            node.putNull("next");
        }
        x.response().setHeader("Cache-Control", PRIVATE);
        x.json(HttpServletResponse.SC_OK, node);
    }

    private ObjectNode render(Report report) {
        return render(report, new Directory(chorus, people));
    }

    private ObjectNode render(Report report, Directory directory) {
        Post post = chorus.posts().find(report.post()).orElseThrow(() -> new NoSuchPostException(report.post()));
        return ModerationJson.report(report, post, directory);
    }

    private static long reportId(String id) {
        if (id.length() <= 18 && !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(id);
        }
        throw new ProblemException(ProblemType.REPORT_NOT_FOUND, "there is no report '" + JsonBody.printable(id)
                + "'; report ids are positive decimal numbers, as the API gives them");
    }

    private static PostId postCursor(String value) {
        try {
            return PostId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "before is '" + JsonBody.printable(value)
                    + "'; give the 'next' value of a page of hidden posts").with("parameter", "before");
        }
    }
}
