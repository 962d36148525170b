/**
 * The embedded SQLite store: one file, WAL, one writer thread with group commit.
 *
 * <p>Not API: this package is not exported. Use {@link org.chorusfeed.Chorus#builder()} with a data directory.
 */
@org.jspecify.annotations.NullMarked
package org.chorusfeed.store.sqlite;
