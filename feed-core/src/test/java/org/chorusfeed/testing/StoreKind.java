package org.chorusfeed.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.Chorus;

/**
 * The stores facade-level tests run against, so every rule is checked on each real store. Link previews are off:
 * the tests' links lead to the real internet, and a test never reaches it (LinkPreviewFetchTest tests previews).
 */
public enum StoreKind {
    /** The in-memory reference store. */
    MEMORY {
        @Override
        public Chorus open(Path dir, Clock clock) {
            return Chorus.builder().inMemory().linkPreviews(false).clock(clock).build();
        }
    },
    /** The embedded default: one SQLite file. */
    SQLITE {
        @Override
        public Chorus open(Path dir, Clock clock) {
            return Chorus.builder().dataDirectory(dir).linkPreviews(false).clock(clock).build();
        }
    };

    /** Opens a Chorus over this kind of store, using {@code dir} if the store needs a directory. */
    public abstract Chorus open(Path dir, Clock clock);
}
