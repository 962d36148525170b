/**
 * Chorus: one strictly chronological timeline of brief posts for a network of equals.
 *
 * <p>Start with {@link org.chorusfeed.Chorus#builder()}.
 */
@NullMarked
package org.chorusfeed;

import org.jspecify.annotations.NullMarked;
