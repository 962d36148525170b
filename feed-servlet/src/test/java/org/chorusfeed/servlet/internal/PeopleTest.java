package org.chorusfeed.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorusfeed.Chorus;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberId;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.member.Organisation;
import org.chorusfeed.member.ProfileUpdate;
import org.chorusfeed.store.Store;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servlet-wide members and organisations cache: hits, invalidation by the change log, the read-put race. */
class PeopleTest {
    private final AtomicInteger memberReads = new AtomicInteger();
    private final AtomicInteger organisationReads = new AtomicInteger();
    private @Nullable Runnable duringMemberRead;
    private final Chorus chorus = Chorus.builder().store(countingStore(inMemoryStore())).build();
    private final People people = new People(chorus);
    private final ChangeFanOut fanOut = new ChangeFanOut(chorus.changes());

    /** The in-memory store, by name: feed-core does not export its package, but tests run on the class path. */
    private static Store inMemoryStore() {
        try {
            return (Store) Class.forName("org.chorusfeed.store.memory.InMemoryStore").getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store counting member and organisation reads, running {@link #duringMemberRead} inside a member read. */
    private Store countingStore(Store store) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findMember")) {
                        memberReads.incrementAndGet();
                    } else if (method.getName().equals("findOrganisation")) {
                        organisationReads.incrementAndGet();
                    }
                    try {
                        Object result = method.invoke(store, args);
                        Runnable hook = duringMemberRead;
                        if (method.getName().equals("findMember") && hook != null) {
                            duringMemberRead = null;
                            hook.run();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void close() {
        fanOut.close();
        chorus.close();
    }

    private void startFanOut() {
        fanOut.addFirst(people::invalidate);
        fanOut.start();
    }

    private void awaitChanges() {
        assertThat(fanOut.awaitProcessed(chorus.changes().lastSeq(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void member_isReadOnce_untilItChanges() {
        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada").organisation("baltic-lab"));
        startFanOut();
        int before = memberReads.get();

        Member first = people.member(ada.id()).orElseThrow();
        assertThat(people.member(ada.id())).containsSame(first);
        assertThat(memberReads.get() - before).isEqualTo(1);

        chorus.members().updateProfile(ada.id(), ProfileUpdate.none().name("Ada Lovelace"));
        awaitChanges();
        int afterChange = memberReads.get();
        assertThat(people.member(ada.id()).orElseThrow().name()).isEqualTo("Ada Lovelace");
        assertThat(people.member(ada.id()).orElseThrow().name()).isEqualTo("Ada Lovelace");
        assertThat(memberReads.get() - afterChange).isEqualTo(1);
    }

    @Test
    void member_isNotForgotten_withoutAChange() {
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));
        // No fan-out: the store changes behind the cache's back, which only the change log may tell it.
        people.member(ada.id());
        chorus.members().updateProfile(ada.id(), ProfileUpdate.none().name("Ada Lovelace"));
        assertThat(people.member(ada.id()).orElseThrow().name()).isEqualTo("Ada");
    }

    @Test
    void missingMember_isCached_untilAdmitted() {
        startFanOut();
        Member bob = chorus.members().admit(NewMember.handle("bob").name("Bob"));
        awaitChanges();
        MemberId next = new MemberId(bob.id().value() + 1);
        assertThat(people.member(next)).isEmpty();
        int before = memberReads.get();
        assertThat(people.member(next)).isEmpty();
        assertThat(memberReads.get()).isEqualTo(before);

        Member cy = chorus.members().admit(NewMember.handle("cy").name("Cy"));
        awaitChanges();
        assertThat(cy.id()).isEqualTo(next);
        assertThat(people.member(next)).contains(cy);
    }

    @Test
    void organisation_isReadOnce_untilItChanges() {
        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Lab"));
        startFanOut();
        int before = organisationReads.get();

        assertThat(people.organisation("baltic-lab").orElseThrow().name()).isEqualTo("Baltic Lab");
        assertThat(people.organisation("baltic-lab").orElseThrow().name()).isEqualTo("Baltic Lab");
        assertThat(people.organisation("nowhere")).isEmpty();
        assertThat(people.organisation("nowhere")).isEmpty();
        assertThat(organisationReads.get() - before).isEqualTo(2);

        chorus.organisations().save(Organisation.of("baltic-lab", "Baltic Research Lab"));
        awaitChanges();
        int afterChange = organisationReads.get();
        assertThat(people.organisation("baltic-lab").orElseThrow().name()).isEqualTo("Baltic Research Lab");
        assertThat(people.organisation("baltic-lab").orElseThrow().name()).isEqualTo("Baltic Research Lab");
        assertThat(organisationReads.get() - afterChange).isEqualTo(1);
    }

    @Test
    void aReadOvertakenByAChange_isNotKept() {
        Member ada = chorus.members().admit(NewMember.handle("ada").name("Ada"));
        startFanOut();
        // The change commits and reaches the cache after the store read but before the put.
        duringMemberRead = () -> {
            chorus.members().updateProfile(ada.id(), ProfileUpdate.none().name("Ada Lovelace"));
            awaitChanges();
        };

        assertThat(people.member(ada.id()).orElseThrow().name()).isEqualTo("Ada");
        assertThat(people.member(ada.id()).orElseThrow().name()).isEqualTo("Ada Lovelace");
    }
}
