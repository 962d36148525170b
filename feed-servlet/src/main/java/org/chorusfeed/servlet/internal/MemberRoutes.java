package org.chorusfeed.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chorusfeed.Chorus;
import org.chorusfeed.NoSuchMemberException;
import org.chorusfeed.access.AccessToken;
import org.chorusfeed.access.IssuedToken;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.post.Post;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The directory, profiles, the signed-in member's own profile and tokens, and the session for the widget. */
final class MemberRoutes {
    private final Chorus chorus;
    private final Csrf csrf;
    private final People people;

    private final JoiningRoutes joining;

    MemberRoutes(Chorus chorus, Csrf csrf, People people, JoiningRoutes joining) {
        this.chorus = chorus;
        this.csrf = csrf;
        this.people = people;
        this.joining = joining;
    }

    void addTo(RouteTable.Builder table) {
        table.add("GET", "/api/members", Access.READ, this::list)
                .add("GET", "/api/members/{handle}", Access.READ, this::profile)
                .add("GET", "/api/me", Access.MEMBER, this::me)
                .add("PATCH", "/api/me", Access.MEMBER, this::updateMe)
                .add("GET", "/api/me/tokens", Access.MEMBER, this::myTokens)
                .add("POST", "/api/me/tokens", Access.MEMBER, this::issueMyToken)
                .add("DELETE", "/api/me/tokens/{id}", Access.MEMBER, this::revokeMyToken)
                .add("GET", "/api/session", Access.ANYONE, this::session);
    }

    /** The public directory: active members, each with their newest public post (members helper). */
    private void list(Exchange x) throws IOException {
        Directory directory = new Directory(chorus, people);
        Map<MemberId, Post> latest = chorus.members().latestPosts();
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (Member member : chorus.members().list()) {
            if (member.isActive()) {
                ObjectNode item = Representations.member(member, directory);
                Post post = latest.get(member.id());
                item.set("latestPost", post == null ? item.nullNode() : JoiningJson.latestPost(post));
                items.add(item);
            }
        }
        x.jsonTagged(node, "no-cache");
    }

    private void profile(Exchange x) throws IOException {
        Member member = byHandle(chorus, x.parameter("handle"));
        x.jsonTagged(Representations.member(member, new Directory(chorus, people)), "no-cache");
    }

    private void me(Exchange x) throws IOException {
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, Representations.member(x.member(), new Directory(chorus, people)));
    }

    private void updateMe(Exchange x) throws IOException {
        Member member = x.member();
        ProfileUpdate update = ProfileBodies.update(x.body(ProfileBodies.FIELDS));
        Member updated = chorus.members().updateProfile(member.id(), update);
        x.json(HttpServletResponse.SC_OK, Representations.member(updated, new Directory(chorus, people)));
    }

    private void myTokens(Exchange x) throws IOException {
        x.response().setHeader("Cache-Control", "private, no-store");
        x.json(HttpServletResponse.SC_OK, tokens(chorus.tokens().list(x.member().id())));
    }

    private void issueMyToken(Exchange x) throws IOException {
        Member member = x.member();
        String label = x.body("label").requiredString("label");
        issued(x, chorus.tokens().issue(member.id(), label));
    }

    private void revokeMyToken(Exchange x) {
        revoke(chorus, x, x.member());
    }

    /**
     * {@code GET /api/session}: who the widget's page is signed in as, a CSRF token for cookie writes, and the
     * text rules the composer counts by. Never cached, never shared across origins with credentials unless the
     * origin is allow-listed.
     */
    private void session(Exchange x) throws IOException {
        x.response().setHeader("Cache-Control", "private, no-store");
        Caller caller = x.caller();
        ObjectNode node = Representations.object();
        Optional<Member> member = caller.member();
        if (member.isPresent()) {
            node.set("member", Representations.member(member.get(), new Directory(chorus, people)));
        } else {
            node.putNull("member");
        }
        if (caller.via() == Caller.Via.RESOLVER) {
            node.put("csrf", csrf.token(x.request()));
        } else {
            node.putNull("csrf");
        }
        node.put("maxLength", chorus.textRules().maxLength());
        node.put("urlLength", chorus.textRules().urlLength());
        joining.describe(caller, node);
        x.json(HttpServletResponse.SC_OK, node);
    }

    static ObjectNode tokens(List<AccessToken> tokens) {
        ObjectNode node = Representations.object();
        ArrayNode items = node.putArray("items");
        for (AccessToken token : tokens) {
            items.add(Representations.token(token));
        }
        return node;
    }

    /** Answers 201 with a new token's secret, shown this once. */
    static void issued(Exchange x, IssuedToken issued) throws IOException {
        ObjectNode node = Representations.token(issued.token());
        node.put("token", issued.secret());
        x.response().setHeader("Cache-Control", "no-store");
        x.json(HttpServletResponse.SC_CREATED, node);
    }

    /** Revokes the member's token named by the {@code id} parameter; 404 when they have no such active token. */
    static void revoke(Chorus chorus, Exchange x, Member owner) {
        String id = x.parameter("id");
        long tokenId = -1;
        if (id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            tokenId = Long.parseLong(id);
        }
        if (tokenId < 0 || !chorus.tokens().revoke(owner.id(), tokenId)) {
            throw new ProblemException(ProblemType.TOKEN_NOT_FOUND, "@" + owner.handle() + " has no active token '"
                    + JsonBody.printable(id) + "'; list the tokens to see their ids");
        }
        x.noContent();
    }

    static Member byHandle(Chorus chorus, String handle) {
        return chorus.members().findByHandle(handle).orElseThrow(() -> new NoSuchMemberException("@" + handle));
    }
}
