package org.chorusfeed.durability;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.Post;

/**
 * The child JVM of {@link KillDashNineIT}: opens a Chorus in the directory given as the first argument, admits one
 * member and publishes from several threads (the second argument) as fast as it can, printing each post's id to
 * stdout once {@code publish} has returned, until it is killed.
 */
public final class KillDashNineChild {
    private KillDashNineChild() {
    }

    /** Runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        Chorus chorus = Chorus.builder().dataDirectory(directory).build();
        Member writer = chorus.members().admit(NewMember.handle("writer"));
        AtomicLong counter = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    Post post = chorus.posts().publish(writer.id(), "Durable post " + counter.incrementAndGet() + " #kill9");
                    synchronized (out) {
                        out.println(post.id());
                        out.flush();
                    }
                }
            }, "publisher-" + t);
            thread.start();
        }
        Thread.currentThread().join();
    }
}
