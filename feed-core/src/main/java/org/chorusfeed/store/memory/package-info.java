/** The in-memory store, for tests. Not API: reach it through {@code Chorus.builder().inMemory()}. */
@NullMarked
package org.chorusfeed.store.memory;

import org.jspecify.annotations.NullMarked;
