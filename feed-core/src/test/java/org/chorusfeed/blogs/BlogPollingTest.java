package org.chorusfeed.blogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.outside.SafeFetcher;
import org.chorusfeed.testing.FeedServer;
import org.chorusfeed.timeline.TimelineQuery;
import org.junit.jupiter.api.Test;

/** Polling by itself: a blog URL set is read within a minute, and closing Chorus stops every thread it started. */
class BlogPollingTest {

    @Test
    void aBlogUrlSet_isReadWithinAMinute_andCloseStopsEveryPollingThread() throws InterruptedException {
        try (FeedServer server = FeedServer.start()) {
            server.serveResource("/feed", "application/rss+xml", BlogPollerTest.FIXTURES + "wordpress.rss");
            Chorus chorus = Chorus.builder().inMemory()
                    .fetcher(SafeFetcher.builder().allow(server.allowEntry()).build()).build();
            try {
                Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));
                Thread.sleep(200); // the first round has looked and found nothing to poll

                chorus.members().updateProfile(ada.id(),
                        ProfileUpdate.none().blogFeedUrl(URI.create(server.url("/feed"))));

                long started = System.nanoTime();
                awaitTrue(Duration.ofMinutes(1), () -> chorus.blogs().status(ada.id())
                        .map(status -> status.imported() == 2).orElse(false));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reacting to the change, not a round")
                        .isLessThan(Duration.ofSeconds(10));
                assertThat(chorus.timeline().read(TimelineQuery.latest().limit(5)).items()).hasSize(2);
                assertThat(pollingThreads()).isPositive();
            } finally {
                chorus.close();
            }
            assertThat(pollingThreads()).isZero();
        }
    }

    @Test
    void switchedOff_startsNoThread_andThePollIntervalIsChecked() {
        long before = pollingThreads();
        try (Chorus chorus = Chorus.builder().inMemory().blogPolling(false).build()) {
            assertThat(pollingThreads()).isEqualTo(before);
            assertThat(chorus.blogs().pollDue()).isZero();
        }
        assertThatThrownBy(() -> Chorus.builder().blogPollInterval(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blogPollInterval is PT0.999S");
        assertThatThrownBy(() -> Chorus.builder().blogPollInterval(Duration.ofDays(1).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 second");
        Chorus.builder().blogPollInterval(Duration.ofSeconds(1)).blogPollInterval(Duration.ofDays(1));
    }

    private static long pollingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("chorus-blogs-") && thread.isAlive()).count();
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
