/** The one change log: every mutation with a gap-free sequence number, replayable and live. */
@NullMarked
package org.chorusfeed.changes;

import org.jspecify.annotations.NullMarked;
