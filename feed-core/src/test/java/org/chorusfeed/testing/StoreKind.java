package org.chorusfeed.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.chorusfeed.Chorus;

/** The stores facade-level tests run against, so every rule is checked on each real store. */
public enum StoreKind {
    /** The in-memory reference store. */
    MEMORY {
        @Override
        public Chorus open(Path dir, Clock clock) {
            return Chorus.builder().inMemory().clock(clock).build();
        }
    },
    /** The embedded default: one SQLite file. */
    SQLITE {
        @Override
        public Chorus open(Path dir, Clock clock) {
            return Chorus.builder().dataDirectory(dir).clock(clock).build();
        }
    };

    /** Opens a Chorus over this kind of store, using {@code dir} if the store needs a directory. */
    public abstract Chorus open(Path dir, Clock clock);
}
