/**
 * The storage SPI. Chorus ships an SQLite store (the embedded default) and an in-memory store for tests;
 * every store passes the same contract test suite. Application code uses {@link org.chorusfeed.Chorus},
 * not this package.
 */
@NullMarked
package org.chorusfeed.store;

import org.jspecify.annotations.NullMarked;
