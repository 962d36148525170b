package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();

    @Test
    void acquire_allowsABurstOfTheRate_thenRefusesWithTheWaitForOneMore() {
        RateLimiter limiter = new RateLimiter(30, clock, 100);
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.acquire("ada")).as("write %d", i + 1).isZero();
        }
        Duration wait = limiter.acquire("ada");
        assertThat(wait).isEqualTo(Duration.ofSeconds(2));
        assertThat(RateLimiter.retryAfterSeconds(wait)).isEqualTo(2);
        assertThat(limiter.acquire("bob")).as("other keys have their own bucket").isZero();
    }

    @Test
    void acquire_refillsSteadily_withoutSleeping() {
        RateLimiter limiter = new RateLimiter(60, clock, 100);
        for (int i = 0; i < 60; i++) {
            limiter.acquire("k");
        }
        assertThat(limiter.acquire("k")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.acquire("k")).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isPositive();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("k")).as("a full bucket again after a long pause").isZero();
        }
        assertThat(limiter.acquire("k")).isPositive();
    }

    @Test
    void refusedWrites_takeNothing() {
        RateLimiter limiter = new RateLimiter(1, clock, 100);
        assertThat(limiter.acquire("k")).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("k")).isPositive();
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.acquire("k")).isZero();
    }

    @Test
    void retryAfter_roundsUpToWholeSeconds_andIsAtLeastOne() {
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofSeconds(2))).isEqualTo(2);
    }

    @Test
    void manyKeys_stayBounded_forgettingFullBucketsFirst() {
        RateLimiter limiter = new RateLimiter(5, clock, 1000);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("address-" + i);
            if (i % 500 == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(1000);
    }

    @Test
    void rate_mustBeCountable() {
        assertThatThrownBy(() -> new RateLimiter(0, clock, 10)).hasMessageContaining("perMinute is 0");
        assertThatThrownBy(() -> new RateLimiter(RateLimiter.MAX_PER_MINUTE + 1, clock, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
