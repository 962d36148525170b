package org.chorusfeed.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.changes.ChangeKind;
import org.chorusfeed.member.Member;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns change-log entries into server-sent events: {@code post.created}, {@code post.updated} (edits and
 * appreciation counts) with the post as data, {@code post.deleted} with {@code {"id"}}. Changes to members and
 * organisations are not sent.
 */
final class StreamEvents {
    private final Chorus chorus;
    private final People people;

    StreamEvents(Chorus chorus, People people) {
        this.chorus = chorus;
        this.people = people;
    }

    /** The event for this change, or null when it sends none (not a post change, or the post is gone since). */
    @Nullable StreamEvent render(Change change) {
        if (!change.kind().isPostChange() || change.post().isEmpty()) {
            return null;
        }
        Directory directory = new Directory(chorus, people);
        // moderation (issue 7): hiding takes the post away from every reader, as a deletion does
        if (change.kind() == ChangeKind.POST_DELETED || change.kind() == ChangeKind.POST_HIDDEN) {
            Optional<Member> author = change.member().flatMap(directory::member);
            ObjectNode data = Representations.object();
            data.put("id", change.post().get().toString());
            return new StreamEvent(change.seq(), frame(change.seq(), "post.deleted", data),
                    author.map(Member::handle).orElse(null), author.flatMap(Member::organisation).orElse(null),
                    Set.of(), true);
        }
        Optional<Post> post = chorus.posts().find(change.post().get()).filter(Post::isPublic);
        if (post.isEmpty()) {
            return null;
        }
        Optional<Member> author = directory.member(post.get().author());
        // an unhidden post comes back as new, so the widget offers it and puts it in its place in time
        String name = change.kind() == ChangeKind.POST_CREATED || change.kind() == ChangeKind.POST_UNHIDDEN
                ? "post.created" : "post.updated";
        return new StreamEvent(change.seq(), frame(change.seq(), name, Representations.post(post.get(), directory, null)),
                author.map(Member::handle).orElse(null), author.flatMap(Member::organisation).orElse(null),
                tags(post.get()), false);
    }

    private static Set<String> tags(Post post) {
        Set<String> tags = new LinkedHashSet<>();
        for (Segment segment : post.segments()) {
            if (segment instanceof Segment.Tag tag) {
                tags.add(tag.tag().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(tags);
    }

    private static byte[] frame(long seq, String event, ObjectNode data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(("id: " + seq + "\nevent: " + event + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        // Jackson escapes line breaks inside strings, so the JSON is one line: one data field.
        out.writeBytes(Representations.MAPPER.writeValueAsBytes(data));
        out.writeBytes(new byte[] {'\n', '\n'});
        return out.toByteArray();
    }
}
