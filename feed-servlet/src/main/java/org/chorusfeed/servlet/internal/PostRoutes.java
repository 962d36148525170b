package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.NoSuchPostException;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.post.PostId;
import org.chorusfeed.post.PostVersion;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Publishing, reading, editing, deleting and appreciating posts. */
final class PostRoutes {
    private final Chorus chorus;
    private final People people;

    PostRoutes(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    void addTo(RouteTable.Builder table) {
        table.add("POST", "/api/posts", Access.MEMBER, this::publish)
                .add("GET", "/api/posts/{id}", Access.READ, this::read)
                .add("PATCH", "/api/posts/{id}", Access.MEMBER, this::edit)
                .add("DELETE", "/api/posts/{id}", Access.MEMBER, this::delete)
                .add("GET", "/api/posts/{id}/history", Access.READ, this::history)
                .add("POST", "/api/posts/{id}/appreciation", Access.MEMBER, this::appreciate)
                .add("DELETE", "/api/posts/{id}/appreciation", Access.MEMBER, this::withdrawAppreciation);
    }

    private void publish(Exchange x) throws IOException {
        Member author = x.member();
        JsonBody body = x.body("text", "inReplyTo");
        String text = body.requiredString("text");
        Optional<PostId> inReplyTo = body.optionalString("inReplyTo").map(PostId::parse);
        Post post = inReplyTo.isPresent()
                ? chorus.posts().reply(author.id(), inReplyTo.get(), text)
                : chorus.posts().publish(author.id(), text);
        x.response().setHeader("Location", Mount.basePath(x.request()) + "/api/posts/" + post.id());
        x.json(HttpServletResponse.SC_CREATED, render(post, Optional.of(author)));
    }

    private void read(Exchange x) throws IOException {
        Post post = chorus.posts().get(id(x));
        Optional<Member> reader = x.caller().member();
        if (!ModerationRoutes.visibleTo(post, reader)) {
            throw new NoSuchPostException(post.id());
        }
        x.jsonTagged(render(post, reader), reader.isEmpty() ? "no-cache" : "private, no-cache");
    }

    private void edit(Exchange x) throws IOException {
        Member editor = x.member();
        String text = x.body("text").requiredString("text");
        Post post = chorus.posts().edit(id(x), editor.id(), text);
        x.json(HttpServletResponse.SC_OK, render(post, Optional.of(editor)));
    }

    private void delete(Exchange x) {
        chorus.posts().delete(id(x), x.member().id());
        x.noContent();
    }

    /** Earlier versions are the author's and the admins' to see; readers see only that a post was edited. */
    private void history(Exchange x) throws IOException {
        Post post = chorus.posts().get(id(x));
        if (!ModerationRoutes.visibleTo(post, x.caller().member())) {
            throw new NoSuchPostException(post.id());
        }
        if (!ModerationRoutes.isAuthorOrAdmin(post, x.caller().member())) {
            throw new ProblemException(ProblemType.NOT_PERMITTED, "only the author of post " + post.id()
                    + " and hub admins see its earlier versions; readers see when it was edited (editedAt)")
                    .with("reason", "not-author-or-admin");
        }
        List<PostVersion> versions = chorus.posts().history(post.id());
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (PostVersion version : versions) {
            items.add(Representations.version(version));
        }
        x.jsonTagged(node, "private, no-cache");
    }

    private void appreciate(Exchange x) throws IOException {
        Member member = x.member();
        Post post = chorus.posts().appreciate(id(x), member.id());
        x.json(HttpServletResponse.SC_OK, render(post, Optional.of(member)));
    }

    private void withdrawAppreciation(Exchange x) throws IOException {
        Member member = x.member();
        Post post = chorus.posts().withdrawAppreciation(id(x), member.id());
        x.json(HttpServletResponse.SC_OK, render(post, Optional.of(member)));
    }

    ObjectNode render(Post post, Optional<Member> reader) {
        Directory directory = new Directory(chorus, people);
        Boolean appreciated = reader.map(m -> !chorus.posts().appreciatedBy(m.id(), List.of(post.id())).isEmpty())
                .orElse(null);
        return Representations.post(post, directory, appreciated);
    }

    static PostId id(Exchange x) {
        String id = x.parameter("id");
        try {
            return PostId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.POST_NOT_FOUND, "there is no post '" + JsonBody.printable(id)
                    + "'; post ids are positive decimal numbers, as the API gives them");
        }
    }
}
