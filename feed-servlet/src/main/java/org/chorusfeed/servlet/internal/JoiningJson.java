package org.chorusfeed.servlet.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.chorusfeed.joining.Invitation;
import org.chorusfeed.joining.JoinRequest;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.post.Post;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of joining and the directory: invitations, join requests, a member's latest post. */
final class JoiningJson {
    private JoiningJson() {
    }

    /** An invitation as admins see it, with its status at {@code now}. */
    static ObjectNode invitation(Invitation invitation, Instant now, Directory directory) {
        ObjectNode node = Representations.object();
        node.put("id", Long.toString(invitation.id()));
        node.put("code", invitation.code());
        node.set("organisation", Representations.organisationRef(invitation.organisation(), directory));
        node.put("uses", invitation.uses());
        node.put("used", invitation.used());
        node.put("expiresAt", Representations.time(invitation.expiresAt()));
        node.put("createdAt", Representations.time(invitation.createdAt()));
        putHandle(node, "createdBy", Optional.of(invitation.createdBy()), directory);
        node.put("note", invitation.note());
        node.put("status", name(invitation.status(now)));
        return node;
    }

    /** What anyone holding the code may see of an open invitation. */
    static ObjectNode openInvitation(Invitation invitation, Instant now, Directory directory) {
        ObjectNode node = Representations.object();
        node.set("organisation", Representations.organisationRef(invitation.organisation(), directory));
        node.put("expiresAt", Representations.time(invitation.expiresAt()));
        node.put("status", name(invitation.status(now)));
        return node;
    }

    /** A join request. */
    static ObjectNode joinRequest(JoinRequest request, Directory directory) {
        ObjectNode node = Representations.object();
        node.put("id", Long.toString(request.id()));
        node.put("handle", request.applicant().handle());
        node.put("name", request.applicant().name());
        node.set("organisation", Representations.organisationRef(request.applicant().organisation(), directory));
        node.put("message", request.message());
        node.put("status", name(request.status()));
        node.put("createdAt", Representations.time(request.createdAt()));
        if (request.decidedAt().isPresent()) {
            node.put("decidedAt", Representations.time(request.decidedAt().get()));
        } else {
            node.putNull("decidedAt");
        }
        putHandle(node, "decidedBy", request.decidedBy(), directory);
        if (request.reason().isPresent()) {
            node.put("reason", request.reason().get());
        } else {
            node.putNull("reason");
        }
        return node;
    }

    /** {@code {"id","publishedAt","text"}} of a member's newest public post. */
    static ObjectNode latestPost(Post post) {
        ObjectNode node = Representations.object();
        node.put("id", post.id().toString());
        node.put("publishedAt", Representations.time(post.publishedAt()));
        node.put("text", post.text());
        return node;
    }

    private static void putHandle(ObjectNode node, String field, Optional<MemberId> id, Directory directory) {
        Optional<Member> member = id.flatMap(directory::member);
        if (member.isPresent()) {
            node.put(field, member.get().handle());
        } else {
            node.putNull(field);
        }
    }

    /** An enum constant as the API spells it: {@code USED_UP} is {@code used-up}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
