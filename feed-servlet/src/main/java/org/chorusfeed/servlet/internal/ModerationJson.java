package org.chorusfeed.servlet.internal;

import java.util.Optional;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.moderation.AuditEntry;
import org.chorusfeed.moderation.Report;
import org.chorusfeed.post.Hiding;
import org.chorusfeed.post.Post;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of moderation: a post's hiding, reports and audit entries (the HTTP contract of issue 7). */
final class ModerationJson {
    private ModerationJson() {
    }

    /** {@code {"reason","at","by":"handle"}}; {@code by} is null when the admin was erased since. */
    static ObjectNode hiding(Hiding hiding, Directory directory) {
        ObjectNode node = Representations.object();
        node.put("reason", hiding.reason());
        node.put("at", Representations.time(hiding.at()));
        Optional<Member> admin = directory.member(hiding.by());
        if (admin.isPresent()) {
            node.put("by", admin.get().handle());
        } else {
            node.putNull("by");
        }
        return node;
    }

    /** A report with its post as admins see it. */
    static ObjectNode report(Report report, Post post, Directory directory) {
        ObjectNode node = Representations.object();
        node.put("id", Long.toString(report.id()));
        node.set("post", Representations.post(post, directory, null));
        node.set("reporter", person(Optional.of(report.reporter()), directory));
        node.put("reason", report.reason());
        node.put("status", report.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("createdAt", Representations.time(report.createdAt()));
        if (report.decidedAt().isPresent()) {
            node.put("decidedAt", Representations.time(report.decidedAt().get()));
        } else {
            node.putNull("decidedAt");
        }
        Optional<Member> admin = report.decidedBy().flatMap(directory::member);
        if (admin.isPresent()) {
            node.put("decidedBy", admin.get().handle());
        } else {
            node.putNull("decidedBy");
        }
        if (report.decision().isPresent()) {
            node.put("decision", report.decision().get());
        } else {
            node.putNull("decision");
        }
        return node;
    }

    /** {@code {"id","at","actor":{"handle","name"}|null,"action","target","reason"}}. */
    static ObjectNode auditEntry(AuditEntry entry, Directory directory) {
        ObjectNode node = Representations.object();
        node.put("id", Long.toString(entry.id()));
        node.put("at", Representations.time(entry.at()));
        node.set("actor", person(entry.actor(), directory));
        node.put("action", entry.action());
        node.put("target", entry.target());
        if (entry.reason().isPresent()) {
            node.put("reason", entry.reason().get());
        } else {
            node.putNull("reason");
        }
        return node;
    }

    /** {@code {"handle","name"}}, or null for nobody (the system, or a member erased since). */
    private static JsonNode person(Optional<MemberId> id, Directory directory) {
        Optional<Member> member = id.flatMap(directory::member);
        if (member.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode node = Representations.object();
        node.put("handle", member.get().handle());
        node.put("name", member.get().name());
        return node;
    }
}
