package org.chorusfeed.samples.javaapi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Subscription;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.post.Post;
import org.chorusfeed.text.Segment;
import org.chorusfeed.text.TextRuleException;
import org.chorusfeed.timeline.Page;
import org.chorusfeed.timeline.TimelineQuery;

/**
 * Chorus's Java API from a plain {@code main}: open a store, admit members, publish, page through the
 * timeline and follow the change log. Run it with {@code mvn -q -pl samples/java-api -am install exec:java}.
 */
public final class JavaApiSample {
    private JavaApiSample() {
    }

    /** Runs the sample in a fresh temporary directory, printing what it does. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("chorus-sample");
        try {
            run(dir, System.out);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Runs the sample against a data directory, printing to {@code out}. */
    public static void run(Path dataDirectory, PrintStream out) throws InterruptedException {
        try (Chorus chorus = Chorus.builder().dataDirectory(dataDirectory).build()) {
            out.println("Opened Chorus in " + dataDirectory);

            CountDownLatch threeChanges = new CountDownLatch(3);
            try (Subscription changes = chorus.changes().subscribe(change -> {
                out.println("  change #" + change.seq() + ": " + change.kind());
                threeChanges.countDown();
            })) {
                chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
                Member ada = chorus.members().admit(
                        NewMember.handle("ada").name("Ada Example").organisation("baltic-lab"));
                Member bo = chorus.members().admit(NewMember.handle("bo").name("Bo Beispiel"));
                out.println("Admitted @" + ada.handle() + " and @" + bo.handle());
                if (!threeChanges.await(5, TimeUnit.SECONDS)) {
                    out.println("  (the change log was slow to deliver)");
                }

                Post kickoff = chorus.posts().publish(ada.id(),
                        "Kick-off at #BalticLab today https://example.org/kickoff");
                out.println("Published " + kickoff.id() + ": " + describe(kickoff));
                Post reply = chorus.posts().reply(bo.id(), kickoff.id(), "@ada See you there! #BalticLab");
                out.println("Replied   " + reply.id() + ": " + describe(reply));
                for (int i = 1; i <= 5; i++) {
                    chorus.posts().publish(i % 2 == 0 ? ada.id() : bo.id(), "Update " + i + " from the workshop");
                }
                chorus.posts().appreciate(kickoff.id(), bo.id());

                try {
                    chorus.posts().publish(ada.id(), "x".repeat(501));
                } catch (TextRuleException e) {
                    out.println("Refused a long post: " + e.getMessage());
                }

                out.println("The timeline, newest first, three at a time:");
                Page<Post> page = chorus.timeline().read(TimelineQuery.latest().limit(3));
                int pageNumber = 1;
                while (true) {
                    for (Post post : page.items()) {
                        out.println("  page " + pageNumber + "  " + post.publishedAt() + "  " + post.text());
                    }
                    if (page.next().isEmpty()) {
                        break;
                    }
                    page = chorus.timeline().read(TimelineQuery.latest().limit(3).before(page.next().get()));
                    pageNumber++;
                }

                Page<Post> tagged = chorus.timeline().read(TimelineQuery.latest().tag("BalticLab"));
                out.println("Posts tagged #BalticLab: " + tagged.items().size());
                out.println("Appreciations of the kick-off: " + chorus.posts().get(kickoff.id()).appreciations());
                out.println("Change log is at seq " + chorus.changes().lastSeq());
            }
        }
        out.println("Closed.");
    }

    private static String describe(Post post) {
        StringBuilder kinds = new StringBuilder();
        for (Segment segment : post.segments()) {
            String kind = null;
            if (segment instanceof Segment.Link link) {
                kind = "link " + link.href();
            } else if (segment instanceof Segment.Mention mention) {
                kind = "mention @" + mention.handle();
            } else if (segment instanceof Segment.Tag tag) {
                kind = "tag #" + tag.tag();
            }
            if (kind != null) {
                kinds.append(kinds.length() == 0 ? " [" : ", ").append(kind);
            }
        }
        return post.text() + (kinds.length() == 0 ? "" : kinds.append(']').toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
