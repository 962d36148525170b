package org.chorusfeed.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.chorusfeed.member.Member;
import org.chorusfeed.member.MemberStatus;
import org.chorusfeed.member.NewMember;
import org.chorusfeed.post.PostSource;
import org.chorusfeed.store.DataRightsStoreContract;
import org.chorusfeed.store.PostDraft;
import org.chorusfeed.store.Store;
import org.chorusfeed.testing.MutableClock;
import org.chorusfeed.text.TextRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-rights store contract on the SQLite store, and that erased text leaves the database file itself. */
class SqliteDataRightsStoreTest extends DataRightsStoreContract {
    @TempDir
    Path temp;

    @Override
    protected Store openStore(Clock clock) {
        return SqliteStore.open(temp.resolve("contract"), clock);
    }

    /**
     * Few rows, so no page split leaves an earlier copy of them in free space (only VACUUM reaches those): what
     * this shows is that the erased rows themselves are overwritten, which they are not without secure_delete.
     */
    @Test
    void erasure_overwritesTheMembersRowsInTheDatabaseFile_notJustHidesThem() throws IOException {
        String marker = "erase-me-from-the-disk-7f3a";
        Path directory = temp.resolve("disk");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        Member ada;
        try (SqliteStore store = SqliteStore.open(directory, clock)) {
            ada = store.insertMember(NewMember.handle("ada").name("Ada " + marker).bio("bio " + marker),
                    MemberStatus.ACTIVE, clock.instant());
            Member bob = store.insertMember(NewMember.handle("bob"), MemberStatus.ACTIVE, clock.instant());
            for (int i = 0; i < 3; i++) {
                store.insertPost(new PostDraft(ada.id(), clock.instant(), false, TextRules.defaults().parse(
                        "post " + i + " " + marker + " #t" + marker, h -> true), Optional.empty(), PostSource.nativePost()));
                store.insertPost(new PostDraft(bob.id(), clock.instant(), false, TextRules.defaults().parse(
                        "bob's post " + i, h -> true), Optional.empty(), PostSource.nativePost()));
            }
        }
        assertThat(filesContain(directory, marker)).as("the control: the text is on disk before erasure").isTrue();

        try (SqliteStore store = SqliteStore.open(directory, clock)) {
            store.eraseMember(ada.id(), clock.instant());
        }

        assertThat(filesContain(directory, marker)).isFalse();
        assertThat(filesContain(directory, "bob's post 2")).isTrue();
    }

    private static boolean filesContain(Path directory, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
