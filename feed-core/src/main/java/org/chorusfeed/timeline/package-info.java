/** The one timeline: every post, newest first, read in keyset pages. */
@NullMarked
package org.chorusfeed.timeline;

import org.jspecify.annotations.NullMarked;
