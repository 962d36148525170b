package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorusfeed.Chorus;
import org.chorusfeed.changes.Change;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.NewMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live stream's per-connection logic, without a container: replay, hand-over, bounds. */
class StreamClientTest {
    private final Chorus chorus = Chorus.builder().inMemory().build();
    private final StreamHub hub = new StreamHub(chorus, new People(chorus), 10, Duration.ofHours(1));
    private final Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));

    @AfterEach
    void close() {
        hub.close();
        chorus.close();
    }

    /** An output the test makes ready or not, recording what was written. */
    static final class Output extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        int flushes;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^id: (\\d+)\\nevent:").matcher(written.toString(StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }
    }

    /** Records completion. */
    static final class Async implements AsyncContext {
        boolean completed;

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public ServletRequest getRequest() {
            return null;
        }

        @Override
        public ServletResponse getResponse() {
            return null;
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return true;
        }

        @Override
        public void dispatch() {
        }

        @Override
        public void dispatch(String path) {
        }

        @Override
        public void dispatch(ServletContext context, String path) {
        }

        @Override
        public void start(Runnable run) {
            run.run();
        }

        @Override
        public void addListener(AsyncListener listener) {
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeout(long timeout) {
        }

        @Override
        public long getTimeout() {
            return 0;
        }
    }

    private long publish(String text) {
        chorus.posts().publish(ada.id(), text);
        return chorus.changes().lastSeq();
    }

    /** Hands the change to the hub and waits until its writer threads have offered it to every connection. */
    private void deliver(long seq) {
        Change change = chorus.changes().since(seq - 1, 1).get(0);
        hub.accept(change);
        try {
            hub.awaitDelivered();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void replay_thenLive_handsOverWithNoGapAndNoRepeat() {
        long start = chorus.changes().lastSeq();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(publish("before " + i));
        }
        Output out = new Output();
        StreamClient client = new StreamClient(hub, new Async(), out, StreamFilter.ALL, start, 256);
        hub.register(client);
        // Live changes arrive while the client has not replayed anything yet.
        for (int i = 0; i < 5; i++) {
            long seq = publish("during " + i);
            expected.add(seq);
            deliver(seq);
        }
        client.onWritePossible();
        long seq = publish("after");
        expected.add(seq);
        deliver(seq);
        assertThat(out.ids()).containsExactlyElementsOf(expected);
        assertThat(out.flushes).isPositive();
    }

    @Test
    void replay_isPacedByTheClient_andResumesWhenItCanTakeMore() {
        long start = chorus.changes().lastSeq();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(publish("history " + i));
        }
        Output out = new Output();
        StreamClient client = new StreamClient(hub, new Async(), out, StreamFilter.ALL, start, 256);
        hub.register(client);
        out.ready = false;
        client.onWritePossible();
        assertThat(out.ids()).isEmpty();
        out.ready = true;
        client.onWritePossible();
        assertThat(out.ids()).containsExactlyElementsOf(expected);
    }

    @Test
    void aClientThatCannotKeepUp_isDisconnected_notBufferedWithoutBound() {
        Output out = new Output();
        Async async = new Async();
        StreamClient client = new StreamClient(hub, async, out, StreamFilter.ALL, chorus.changes().lastSeq(), 8);
        hub.register(client);
        client.onWritePossible();
        out.ready = false;
        for (int i = 0; i < 8; i++) {
            deliver(publish("flood " + i));
        }
        assertThat(async.completed).isFalse();
        deliver(publish("one too many"));
        assertThat(async.completed).isTrue();
        assertThat(hub.connections()).isZero();
        assertThat(hub.tryReserve()).as("its place is free again").isTrue();
    }

    @Test
    void filters_applyOnTheServer_andHeartbeatsCarryThePosition() {
        Output out = new Output();
        StreamClient client = new StreamClient(hub, new Async(), out,
                new StreamFilter(Optional.empty(), Optional.empty(), Optional.of("#Kiel")), chorus.changes().lastSeq(), 8);
        hub.register(client);
        client.onWritePossible();
        deliver(publish("not this one"));
        long tagged = publish("this one #kiel");
        deliver(tagged);
        long last = publish("nor this");
        deliver(last);
        assertThat(out.ids()).containsExactly(tagged);
        client.heartbeat();
        assertThat(out.written.toString(StandardCharsets.UTF_8)).endsWith(": heartbeat\nid: " + last + "\n\n");
    }

    @Test
    void manyConnections_overEveryWriterThread_eachGetEveryChangeOnceInOrder() {
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            Output out = new Output();
            StreamClient client = new StreamClient(hub, new Async(), out, StreamFilter.ALL, chorus.changes().lastSeq(),
                    256);
            hub.register(client);
            client.onWritePossible();
            outputs.add(out);
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long seq = publish("to all " + i);
            expected.add(seq);
            hub.accept(chorus.changes().since(seq - 1, 1).get(0));
        }
        deliver(publish("last"));
        expected.add(chorus.changes().lastSeq());

        for (Output out : outputs) {
            assertThat(out.ids()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void heartbeats_reachEveryConnection_spreadOverTheInterval() throws InterruptedException {
        StreamHub beating = new StreamHub(chorus, new People(chorus), 100, Duration.ofMillis(320));
        try {
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Output out = new Output();
                StreamClient client = new StreamClient(beating, new Async(), out, StreamFilter.ALL,
                        chorus.changes().lastSeq(), 8);
                beating.register(client);
                client.onWritePossible();
                outputs.add(out);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (outputs.stream().anyMatch(out -> !beat(out)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(outputs).allMatch(StreamClientTest::beat);
        } finally {
            beating.close();
        }
    }

    private static boolean beat(Output out) {
        synchronized (out) {
            return out.written.toString(StandardCharsets.UTF_8).contains(": heartbeat\n");
        }
    }
}
